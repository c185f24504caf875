import ArgumentParser
import FolioWallet

/// `folio`: the wallet command line.
struct FolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "The Folio wallet: keys, registering works, licensing and paying.",
        discussion: """
            Keys stay in the local keystore; commands that read or change the ledger talk to a \
            node over JSON-RPC. Exit status: 0 ok, 1 refused by the rules, 2 usage error, \
            3 node unreachable.

            Example:
              folio key new
            """,
        version: WalletBuild.version,
        subcommands: [
            KeyCommand.self, FingerprintCommand.self, BalanceCommand.self, SendCommand.self, WorkCommand.self,
            LicenceCommand.self, TxCommand.self, StatusCommand.self, ExplainCommand.self,
        ]
    )
}

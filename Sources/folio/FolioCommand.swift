import ArgumentParser
import FolioWallet

/// `folio`: the wallet command line.
@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "The Folio wallet: keys, registering works, licensing and paying.",
        discussion: """
            Every command talks to a node over JSON-RPC; keys never leave the wallet.

            Example:
              folio --version
            """,
        version: WalletBuild.version
    )

    mutating func run() throws {
        print("folio \(WalletBuild.version): no wallet commands are built yet; see `folio --help`.")
    }
}

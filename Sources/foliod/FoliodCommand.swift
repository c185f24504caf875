import ArgumentParser
import FolioNode
import Foundation

/// `foliod`: the Folio node daemon.
@main
struct FoliodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foliod",
        abstract: "The Folio node daemon: validates, stores and relays the rights ledger.",
        discussion: """
            With no arguments foliod starts a single-node development chain in ~/.folio/dev.

            Examples:
              foliod                                  # dev chain, RPC and explorer on 127.0.0.1:9332
              foliod --datadir /tmp/dev --rpc-port 0  # any free port (printed at start)
              foliod config show                      # the effective configuration

            \(SettingsHelp.text)
            """,
        version: NodeBuild.version,
        subcommands: [Run.self, Config.self],
        defaultSubcommand: Run.self
    )
}

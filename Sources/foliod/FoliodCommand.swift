import ArgumentParser
import FolioNode

/// `foliod`: the Folio node daemon.
@main
struct FoliodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foliod",
        abstract: "The Folio node daemon: validates, stores and relays the rights ledger.",
        discussion: """
            With no arguments foliod will start a single-node development chain in ~/.folio/dev \
            (this build does not run a node yet; the node issue adds it).

            Example:
              foliod --version
            """,
        version: NodeBuild.version
    )

    mutating func run() throws {
        print("foliod \(NodeBuild.version): the node service is not built yet; see `foliod --help`.")
    }
}

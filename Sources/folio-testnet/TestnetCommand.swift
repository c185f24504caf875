import ArgumentParser
import FolioNode

/// `folio-testnet`: spins up a local multi-node Folio network.
@main
struct TestnetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-testnet",
        abstract: "Run a local multi-node Folio testnet of real foliod processes.",
        discussion: """
            Example:
              folio-testnet --version
            """,
        version: NodeBuild.version
    )

    mutating func run() throws {
        print("folio-testnet \(NodeBuild.version): no testnet commands are built yet; see `folio-testnet --help`.")
    }
}

import ArgumentParser
import FolioNode
import Foundation

/// `folio-testnet`: spins up a local multi-node Folio network of real foliod processes.
@main
struct TestnetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-testnet",
        abstract: "Run a local multi-node Folio testnet of real foliod processes.",
        discussion: """
            Example:
              folio-testnet up --nodes 4 --engine poa
              folio-testnet status
              folio-testnet kill 2 && folio-testnet start 2
              folio-testnet partition 0,1/2,3 && folio-testnet heal
              folio-testnet down
            """,
        version: NodeBuild.version,
        subcommands: [
            UpCommand.self, StatusCommand.self, LogsCommand.self, StartCommand.self, StopCommand.self, KillCommand.self,
            PauseCommand.self, ResumeCommand.self, PartitionCommand.self, HealCommand.self, DelayCommand.self, LossCommand.self, DownCommand.self, CleanCommand.self,
            RunCommand.self, PropagationCommand.self, AuthorityBenchCommand.self, ProxyServeCommand.self,
        ])
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "The testnet's directory (env FOLIO_TESTNET_DIR).")
    var dir: String = ProcessInfo.processInfo.environment["FOLIO_TESTNET_DIR"] ?? "testnet/run"

    @Option(help: "The foliod executable (default: the one beside folio-testnet).")
    var foliod: String?

    func controller() -> TestnetController {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("foliod").path
        var controller = TestnetController(directory: dir, foliod: foliod ?? beside) { line in print(line) }
        controller.tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return controller
    }
}

/// Runs `body`, printing a testnet error plainly and exiting 1 instead of a stack of text.
func reportingErrors(_ body: () async throws(TestnetError) -> Void) async throws {
    do { try await body() } catch {
        FileHandle.standardError.write(Data("folio-testnet: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

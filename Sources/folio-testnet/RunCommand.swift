import ArgumentParser
import FolioNode

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a scenario file and print a pass/fail report with timings.",
        discussion: "Example:\n  folio-testnet run testnet/scenarios/happy-path-poa.toml")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The scenario (TOML).") var file: String

    func run() async throws {
        var passed = false
        try await reportingErrors { () throws(TestnetError) in
            let scenario = try Scenario.load(path: file)
            passed = try await ScenarioRunner(controller: common.controller()) { print($0) }.run(scenario)
        }
        if !passed { throw ExitCode(1) }
    }
}

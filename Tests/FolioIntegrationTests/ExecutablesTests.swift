import FolioTestSupport
import Foundation
import Testing
import FolioCore

/// Runs the built executables as real processes.
@Suite struct ExecutablesTests {
    /// The folder that holds the built products (the test bundle's sibling).
    static var productsDirectory: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
        if let bundle { return bundle.bundleURL.deletingLastPathComponent() }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Runs the built executable `name` with standard error merged into the output; one that
    /// outlives `timeout` is killed and fails the test.
    static func run(_ name: String, _ arguments: [String], timeout: Duration = .seconds(120)) throws -> (status: Int32, output: String) {
        let run = try ChildProcess.runBlocking(productsDirectory.appendingPathComponent(name), arguments, mergeErrors: true,
                                               timeout: timeout)
        #expect(!run.timedOut, "\(name) \(arguments.joined(separator: " ")) did not exit: \(run.output)")
        return (run.status, run.output)
    }

    @Test(arguments: ["foliod", "folio", "folio-testnet"])
    func printsVersion(executable: String) throws {
        let result = try Self.run(executable, ["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == FolioVersion.current)
    }

    @Test(arguments: ["foliod", "folio", "folio-testnet"])
    func printsHelpWithUsage(executable: String) throws {
        let result = try Self.run(executable, ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: \(executable)"))
    }

    @Test func unknownFlagFailsWithMessage() throws {
        let result = try Self.run("foliod", ["--no-such-flag"])
        #expect(result.status != 0)
        #expect(result.output.contains("no-such-flag"))
    }
}

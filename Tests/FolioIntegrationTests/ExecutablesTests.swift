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

    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(name)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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

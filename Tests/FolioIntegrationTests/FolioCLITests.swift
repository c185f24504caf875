import FolioTestSupport
import Foundation
import Testing

/// Runs the built `folio` as a real process: help on every command, JSON output, exit statuses.
@Suite("folio CLI")
struct FolioCLITests {
    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs the built `folio`; a run that outlives two minutes is killed and fails the test.
    static func folio(_ arguments: [String], environment extra: [String: String] = [:], home: URL) throws -> Run {
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { _, new in new }
        let run = try ChildProcess.runBlocking(ExecutablesTests.productsDirectory.appendingPathComponent("folio"), arguments,
                                               environment: environment, timeout: .seconds(120))
        #expect(!run.timedOut, "folio \(arguments.prefix(3).joined(separator: " ")) did not exit: \(run.output)\(run.error)")
        return Run(status: run.status, output: run.output, error: run.error)
    }

    static func withHome<R>(_ body: (URL) throws -> R) throws -> R {
        let directory = try TemporaryDirectory(prefix: "folio-cli")
        defer { directory.remove() }
        return try body(directory.url)
    }

    static let commands: [String] = [
        "", "key", "key new", "key list", "key import", "key export", "fingerprint", "fingerprint eval", "balance", "send", "work",
        "work register", "work show", "work list", "work similar", "work transfer", "licence", "licence publish",
        "licence offer", "licence check", "licence accept", "licence report", "licence revoke", "licence export-odrl",
        "tx", "tx show", "tx wait", "status", "explain",
    ]

    @Test(arguments: commands)
    func everyCommandHasHelpWithAnExample(command: String) throws {
        try Self.withHome { home in
            let words = command.split(separator: " ").map(String.init)
            let run = try Self.folio(words + ["--help"], home: home)
            #expect(run.status == 0)
            #expect(run.output.contains("USAGE: folio" + (command.isEmpty ? "" : " " + command)))
            #expect(run.output.contains("Example:"))
        }
    }

    /// Node-talking commands with valid arguments and no node running (the home directory is
    /// empty, so there is no cookie): exit 3 and say so, never pretend. (`balance` with no
    /// keys and `licence publish` of a missing file stop earlier, with usage exit 2.)
    static let nodeCommands: [[String]] = [
        ["send", String(repeating: "ab", count: 20), "10"], ["status"],
        ["tx", "show", String(repeating: "0", count: 64)], ["tx", "wait", String(repeating: "0", count: 64)],
        ["work", "register", "song.wav", "--title", "T"], ["work", "show", String(repeating: "1", count: 64)],
        ["work", "list"], ["work", "similar", "song.wav"],
        ["work", "transfer", String(repeating: "1", count: 64), String(repeating: "ab", count: 20), "5"],
        ["licence", "offer", String(repeating: "1", count: 64), "--template", String(repeating: "2", count: 64)],
        ["licence", "check", String(repeating: "3", count: 64)], ["licence", "accept", String(repeating: "3", count: 64)],
        ["licence", "report", String(repeating: "4", count: 64), "--count", "5", "--period", "2025-03"],
        ["licence", "revoke", String(repeating: "3", count: 64)], ["licence", "export-odrl", String(repeating: "3", count: 64)],
        ["explain", String(repeating: "5", count: 64)],
    ]

    @Test(arguments: nodeCommands)
    func nodeCommandFailsHonestlyWithExitThree(arguments: [String]) throws {
        try Self.withHome { home in
            let text = try Self.folio(arguments, home: home)
            #expect(text.status == 3)
            #expect(text.error.contains(".folio/dev/.cookie") || text.error.contains("does not serve yet"), "\(text.error)")
            #expect(text.output.isEmpty)
            let json = try Self.folio(arguments + ["--json"], home: home)
            #expect(json.status == 3)
            #expect(json.output.contains("\"code\" : \"node-unreachable\"") || json.output.contains("\"code\" : \"node-unavailable\""),
                    "\(json.output)")
        }
    }

    @Test func missingArgumentIsUsageExitTwo() throws {
        try Self.withHome { home in
            let run = try Self.folio(["send"], home: home)
            #expect(run.status == 2)
            #expect(run.error.contains("Missing expected argument"))
        }
    }

    @Test func badAddressIsUsageExitTwo() throws {
        try Self.withHome { home in
            let run = try Self.folio(["send", "nonsense", "10"], home: home)
            #expect(run.status == 2)
            #expect(run.error.contains("is not a test-network address"))
        }
    }

    @Test func keyLifecycleThroughTheCommandLine() throws {
        try Self.withHome { home in
            let store = home.appendingPathComponent("ks").path
            let env = ["FOLIO_PASSPHRASE": "pw one"]
            let empty = try Self.folio(["key", "list", "--keystore", store, "--json"], home: home)
            #expect(empty.status == 0)
            #expect((try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [Any])?.isEmpty == true)

            let made = try Self.folio(["key", "new", "--keystore", store, "--scrypt", "light", "--json"], environment: env, home: home)
            #expect(made.status == 0)
            let key = try JSONDecoder().decode(KeyOutput.self, from: Data(made.output.utf8))
            #expect(key.address.hasPrefix("tfolio1"))
            #expect(key.path == store + "/key-" + key.addressHex + ".json")

            let listed = try Self.folio(["key", "list", "--keystore", store], home: home)
            #expect(listed.status == 0 && listed.output.contains(key.address) && !listed.output.contains("\u{1B}["))

            let exported = try Self.folio(["key", "export", key.address, "--keystore", store], home: home)
            #expect(exported.output.utf8.elementsEqual(try Data(contentsOf: URL(fileURLWithPath: key.path))))

            let wrong = try Self.folio(["key", "export", key.address, "--seed", "--keystore", store],
                                       environment: ["FOLIO_PASSPHRASE": "pw two"], home: home)
            #expect(wrong.status == 1 && wrong.error.contains("passphrase does not open"))

            let seed = try Self.folio(["key", "export", key.address, "--seed", "--keystore", store], environment: env, home: home)
            #expect(seed.status == 0)
            let seedFile = home.appendingPathComponent("seed.txt")
            try Data(seed.output.utf8).write(to: seedFile)
            let other = home.appendingPathComponent("ks2").path
            let imported = try Self.folio(["key", "import", seedFile.path, "--seed", "--scrypt", "light", "--keystore", other, "--json"],
                                          environment: env, home: home)
            #expect(imported.status == 0 && imported.output.contains(key.addressHex))

            let again = try Self.folio(["key", "import", key.path, "--keystore", other], environment: env, home: home)
            #expect(again.status == 1 && again.error.contains("already exists"))
        }
    }

    @Test func noPassphraseSourceWithoutATerminalIsUsageExitTwo() throws {
        try Self.withHome { home in
            let run = try Self.folio(["key", "new", "--scrypt", "light"], home: home)
            #expect(run.status == 2 && run.error.contains("FOLIO_PASSPHRASE"))
        }
    }

    @Test func explainKnownCodeOfflineAsTextAndJSON() throws {
        try Self.withHome { home in
            let text = try Self.folio(["explain", "wrong-passphrase"], home: home)
            #expect(text.status == 0 && text.output.contains("Next:"))
            let json = try Self.folio(["explain", "key-not-found", "--json"], home: home)
            #expect(json.status == 0 && json.output.contains("\"exit\" : 1"))
        }
    }

    struct KeyOutput: Decodable {
        let address: String
        let addressHex: String
        let path: String
    }
}

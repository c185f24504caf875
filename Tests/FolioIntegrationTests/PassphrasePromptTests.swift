import FolioTestSupport
import Foundation
import Testing

/// The passphrase prompt on a real terminal: `folio key new` runs under `script(1)`, which
/// gives it a pseudo-terminal; each passphrase is typed only after its prompt appears, and the
/// terminal's transcript must show the prompts but never the passphrase.
@Suite("passphrase prompt on a terminal")
struct PassphrasePromptTests {
    /// Reads from `handle` until `marker` has appeared in everything read (or the pipe ends).
    static func read(_ handle: FileHandle, until marker: String, into transcript: inout String) {
        while !transcript.contains(marker) {
            let data = handle.availableData
            if data.isEmpty { return }
            transcript += String(decoding: data, as: UTF8.self)
        }
    }

    @Test func theTypedPassphraseIsNeverEchoed() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "script(1) from bsdutils is needed")
        let home = try TemporaryDirectory(prefix: "folio-prompt")
        defer { home.remove() }
        let keystore = home.url.appendingPathComponent("ks").path
        let folio = ExecutablesTests.productsDirectory.appendingPathComponent("folio").path
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "\(folio) key new --keystore \(keystore) --scrypt light", "/dev/null"]
        process.environment = ["HOME": home.url.path, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // A prompt that never comes would block the reads below for good: after two minutes the
        // whole group (script and folio) is killed, the pipe ends and the checks below fail.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(-pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }

        var transcript = ""
        let secret = "correct horse 42"
        Self.read(output.fileHandleForReading, until: "Passphrase for the new key:", into: &transcript)
        input.fileHandleForWriting.write(Data((secret + "\n").utf8))
        Self.read(output.fileHandleForReading, until: "Repeat the passphrase:", into: &transcript)
        input.fileHandleForWriting.write(Data((secret + "\n").utf8))
        Self.read(output.fileHandleForReading, until: "file:", into: &transcript)
        try input.fileHandleForWriting.close()
        transcript += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(transcript.contains("Passphrase for the new key:") && transcript.contains("Repeat the passphrase:"))
        #expect(transcript.contains("created"))
        #expect(!transcript.contains(secret), "the passphrase was echoed: \(transcript)")
        let files = try FileManager.default.contentsOfDirectory(atPath: keystore)
        #expect(files.count == 1 && files.first?.hasPrefix("key-") == true)
    }
}

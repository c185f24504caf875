import FolioTestSupport
import Foundation
import Testing

/// `folio fingerprint FILE` prints the code alone; `--json` adds the medium, model id, content
/// SHA-256 and timing.
@Suite("folio fingerprint output")
struct FingerprintCommandOutputTests {
    /// SHA-256("abc"), the FIPS 180-2 example.
    static let sha256OfABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func thePlainOutputIsTheCodeAndJSONAddsTheRestWithTiming() throws {
        let home = try TemporaryDirectory(prefix: "fingerprint-output")
        defer { home.remove() }
        let file = home.url.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)

        let plain = try FolioCLITests.folio(["fingerprint", file.path], home: home.url)
        #expect(plain.status == 0, "\(plain.error)")
        let code = plain.output.trimmingCharacters(in: .newlines)
        #expect(plain.output == code + "\n", "one line")
        #expect(code.count == 64 && code.allSatisfy { "0123456789abcdef".contains($0) })

        let run = try FolioCLITests.folio(["fingerprint", file.path, "--json"], home: home.url)
        #expect(run.status == 0, "\(run.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["fingerprint"] as? String == code)
        #expect(object["medium"] as? String == "text")
        #expect(object["contentHash"] as? String == Self.sha256OfABC)
        let modelId = try #require(object["modelId"] as? String)
        #expect(modelId.count == 64)
        let timing = try #require(object["timing"] as? [String: Double])
        #expect(Set(timing.keys) == ["modelMs", "readMs", "fingerprintMs", "totalMs"])
        let parts = ["modelMs", "readMs", "fingerprintMs"].compactMap { timing[$0] }
        #expect(parts.count == 3 && parts.allSatisfy { $0 >= 0 })
        // The total spans the stages, so it is never less than their sum (rounding aside).
        #expect((timing["totalMs"] ?? -1) >= parts.reduce(0, +) - 0.01)
    }

    @Test func anUnreadableFileNamesTheFileAndPrintsNoCode() throws {
        let home = try TemporaryDirectory(prefix: "fingerprint-output")
        defer { home.remove() }
        let file = home.url.appendingPathComponent("cut.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0]).write(to: file)
        let run = try FolioCLITests.folio(["fingerprint", file.path], home: home.url)
        #expect(run.status != 0)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("cut.png"))
    }
}

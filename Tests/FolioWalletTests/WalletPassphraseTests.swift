import FolioCrypto
import FolioTestSupport
import Foundation
import Synchronization
import Testing
@testable import FolioWallet

@Suite("Wallet passphrase sources")
struct WalletPassphraseTests {
    static func text(_ secret: SecretBytes) -> String { secret.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    @Test func fileWinsOverEnvironmentAndLosesItsLineEnding() throws {
        let directory = try TemporaryDirectory(prefix: "folio-pass")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("pw").path
        try Data("from file\r\nsecond line\n".utf8).write(to: URL(fileURLWithPath: path))
        let source = PassphraseSource(file: path, environment: ["FOLIO_PASSPHRASE": "from env"], prompter: { _ in "typed" })
        #expect(Self.text(try source.passphrase(prompt: "")) == "from file")
    }

    @Test func environmentWinsOverThePrompt() throws {
        let source = PassphraseSource(file: nil, environment: ["FOLIO_PASSPHRASE": "from env"], prompter: { _ in "typed" })
        #expect(Self.text(try source.passphrase(prompt: "")) == "from env")
    }

    @Test func promptIsUsedLast() throws {
        let source = PassphraseSource(file: nil, environment: [:], prompter: { _ in "typed" })
        #expect(Self.text(try source.passphrase(prompt: "")) == "typed")
    }

    @Test func noTerminalAndNoOtherSourceIsAUsageError() {
        let source = PassphraseSource(file: nil, environment: [:], prompter: { _ in nil })
        #expect(throws: WalletError.self) { try source.passphrase(prompt: "") }
        #expect((try? source.passphrase(prompt: "")) == nil)
    }

    @Test func confirmationMismatchIsRefused() {
        let answers = Answers(["one", "two"])
        let source = PassphraseSource(file: nil, environment: [:], prompter: { _ in answers.next() })
        let error = #expect(throws: WalletError.self) { try source.passphrase(prompt: "", confirm: true) }
        #expect(error?.exit == .usage)
    }

    @Test func missingPassphraseFileIsAUsageError() {
        let source = PassphraseSource(file: "/nonexistent/pw", environment: [:], prompter: { _ in nil })
        let error = #expect(throws: WalletError.self) { try source.passphrase(prompt: "") }
        #expect(error?.exit == .usage)
    }
}

/// Scripted answers to successive prompts.
final class Answers: Sendable {
    private let remaining: Mutex<[String]>
    init(_ answers: [String]) { remaining = Mutex(answers) }
    func next() -> String? { remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
}

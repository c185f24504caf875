import FolioAPI
import FolioCore
import FolioTestSupport
import Foundation
import Testing
@testable import FolioNode

/// Loads the explorer in headless Chromium (Debian's `chromium`, installed by
/// scripts/setup.sh): the home page, a work page and a search, checking the rendered text and
/// that the browser logged no console message (the pages run no script, so any console line
/// is an error such as a failed resource load).
@Suite(.serialized) struct ExplorerBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The DOM after load and every console line the browser printed.
    func render(_ url: String) throws -> (dom: String, console: [String]) {
        let browser = try #require(Self.chromium, "chromium is not installed; run scripts/setup.sh")
        let profile = try TemporaryDirectory(prefix: "chromium")
        defer { profile.remove() }
        // Chromium's helper processes can outlive the browser a moment; a deadline bounds a stuck render.
        let run = try ChildProcess.runBlocking(URL(fileURLWithPath: browser), [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--dump-dom", url], timeout: .seconds(120))
        #expect(!run.timedOut, "chromium did not exit rendering \(url): \(run.error.suffix(2000))")
        let dom = Data(run.output.utf8), log = Data(run.error.utf8)
        let console = String(decoding: log, as: UTF8.self).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (String(decoding: dom, as: UTF8.self), console)
    }

    @Test func homeWorkAndSearchRenderWithoutConsoleErrors() async throws {
        let node = try FoliodProcess()
        defer { node.terminate() }
        #expect(try await node.waitUntilServing(), "foliod did not start: \(node.printed)")
        let client = try node.client()
        let helper = FoliodWorkTests()
        let alice = Address(publicKey: try DevChain.account(0).publicKey)
        let register = try helper.signed(account: 0, nonce: 0, .registerWork(try helper.registration(FoliodWorkTests.poem, owner: alice)))
        let sent = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(register.canonicalBytes)))
        var included = false
        for _ in 0..<150 where !included {
            included = (try? await client.call(WorkGet.self, IdQuery(id: sent.id))) != nil
            if !included { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(included)
        let base = "http://127.0.0.1:\(node.port)"

        let home = try render(base + "/")
        #expect(home.dom.contains("Latest blocks"))
        #expect(home.dom.contains("standalone"))
        #expect(home.console.isEmpty, "\(home.console)")

        let work = try render(base + "/work/\(sent.id)")
        #expect(work.dom.contains("River &lt;Poem&gt;"))
        #expect(work.dom.contains(alice.bech32m(on: .test)))
        #expect(work.dom.contains("100.000000%"))
        #expect(work.console.isEmpty, "\(work.console)")

        let search = try render(base + "/search?q=\(alice.bech32m(on: .test))")
        #expect(search.dom.contains("Balance"))
        #expect(search.console.isEmpty, "\(search.console)")

        // The check can fail: a page whose image cannot load logs a console error.
        let broken = try render("data:text/html,<img src=\"\(base)/missing.png\">")
        #expect(!broken.console.isEmpty)
    }
}

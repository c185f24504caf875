import FolioCore
import FolioTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FolioNode

/// The explorer's work page over a real SQLite-backed ledger: parents, derivatives and the
/// "similar to" links the chain recorded, each linked; a hostile title escaped; long lists cut.
@Suite struct ExplorerWorkPageTests {
    /// Renders `/work/<id>` for each id through the node's router over `fixture`'s ledger.
    func pages(_ fixture: ExplorerLedgerFixture, _ ids: [Hash256]) async throws -> [String] {
        let backend = LedgerBackend(ledger: fixture.ledger, network: nil, standalone: true)
        let router = try NodeHTTP.router(
            backend: backend, authenticator: RPCAuthenticator(mode: .off), maxBodyBytes: 2048, metrics: NodeMetrics())
        return try await Application(router: router).test(.router) { client in
            var pages: [String] = []
            for id in ids {
                let response = try await client.execute(uri: "/work/\(id.hex)", method: .get)
                #expect(response.status == .ok)
                pages.append(String(buffer: response.body))
            }
            return pages
        }
    }

    /// The part of `page` from heading `from` to the next heading.
    func section(_ page: String, _ from: String) -> String {
        guard let start = page.range(of: "<h2>\(from)</h2>") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "<h2>")?.lowerBound ?? rest.endIndex)])
    }

    /// A (original) ← B (declares A its parent); C is 30 bits from A, so the chain links C to A.
    @Test func aWorkPageListsItsParentsDerivativesAndSimilarLinks() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let a = fixture.registration(TestKeys.alice, nonce: 0, title: "Original", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [a])
        let b = fixture.registration(
            TestKeys.bob, nonce: 0, title: "Remix", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 256), parents: [a.id])
        let c = fixture.registration(TestKeys.alice, nonce: 1, title: "Cover", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 30))
        try await fixture.extend("2", on: "1", [b, c])

        let pages = try await pages(fixture, [a.id, b.id, c.id])
        let (pageA, pageB, pageC) = (pages[0], pages[1], pages[2])

        #expect(section(pageA, "Derivative works").contains("<a href=\"/work/\(b.id.hex)\">\(b.id.hex)</a> registered at height 2"))
        #expect(!section(pageA, "Derivative works").contains(c.id.hex))
        #expect(section(pageA, "Parent works").contains("None declared"))
        #expect(section(pageA, "Similar works").contains("No registered work"))

        #expect(section(pageB, "Parent works").contains("<a href=\"/work/\(a.id.hex)\">\(a.id.hex)</a>"))
        #expect(section(pageB, "Derivative works").contains("No registered work declares this one a parent."))

        #expect(section(pageC, "Similar works").contains("<a href=\"/work/\(a.id.hex)\">\(a.id.hex)</a> at distance 30"))
        #expect(section(pageC, "Parent works").contains("None declared"))
        #expect(!section(pageC, "Derivative works").contains("/work/"))
    }

    @Test func aHostileTitleIsEscapedInTheHeadingAndTheTitle() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let hostile = "<script>alert(\"x\")</script> & 'co'"
        let work = fixture.registration(TestKeys.alice, nonce: 0, title: hostile, fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [work])

        let page = try await pages(fixture, [work.id])[0]
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"
        #expect(page.contains("<h1>\(escaped)</h1>"))
        #expect(page.contains("<title>\(escaped) · Folio explorer</title>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains(hostile))
    }

    /// 52 derivatives of A from one owner, all with one fingerprint (a registrant's own near
    /// copies pass the gate), each linked as similar to every one before it: A's page lists 50
    /// derivatives and "and 2 more"; the last derivative's page lists 50 of its 51 links.
    @Test func longListsAreCutAtFiftyAndSayHowManyMore() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let a = fixture.registration(TestKeys.alice, nonce: 0, title: "Original", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [a])
        let far = try ExplorerLedgerFixture.fingerprint(ones: 256)
        let derivatives = (0..<52).map {
            fixture.registration(TestKeys.bob, nonce: UInt64($0), title: "Remix \($0)", fingerprint: far, parents: [a.id])
        }
        try await fixture.extend("2", on: "1", derivatives)

        let pages = try await pages(fixture, [a.id, derivatives[51].id])
        let listed = section(pages[0], "Derivative works")
        #expect(listed.components(separatedBy: "<a href=\"/work/").count - 1 == 50)
        #expect(listed.contains("and 2 more"))
        #expect(listed.contains(derivatives[49].id.hex))
        #expect(!listed.contains(derivatives[50].id.hex))
        let similar = section(pages[1], "Similar works")
        #expect(similar.components(separatedBy: "<a href=\"/work/").count - 1 == 50)
        #expect(similar.contains("and 1 more"))
    }
}

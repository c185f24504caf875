import FolioCore
import FolioTestSupport
import Testing
@testable import FolioNode

/// The node's "derived from" index follows the main chain: a bounded number of blocks per
/// question, and what a block that left the main chain registered is forgotten.
@Suite struct DerivativeIndexTests {
    @Test func theIndexReadsAtMostItsBudgetPerQuestionAndSaysHowFarItGot() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let a = fixture.registration(TestKeys.alice, nonce: 0, title: "A", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [a])
        try await fixture.extend("2", on: "1")
        let b = fixture.registration(TestKeys.bob, nonce: 0, title: "B", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 256), parents: [a.id])
        try await fixture.extend("3", on: "2", [b])

        let index = DerivativeIndex(store: fixture.store, blocksPerRead: 2)
        let first = try await index.derivatives(of: a.id, limit: 10)
        #expect(first == DerivativeList(derivatives: [], total: 0, indexedHeight: 1, tipHeight: 3))
        #expect(!first.isComplete)
        let second = try await index.derivatives(of: a.id, limit: 10)
        #expect(second == DerivativeList(derivatives: [.init(id: b.id.hex, height: 3)], total: 1, indexedHeight: 3, tipHeight: 3))
        #expect(second.isComplete)
    }

    @Test func aDerivativeRegisteredOnABlockThatLeftTheMainChainIsForgotten() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let a = fixture.registration(TestKeys.alice, nonce: 0, title: "A", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [a])
        let b = fixture.registration(TestKeys.bob, nonce: 0, title: "B", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 256), parents: [a.id])
        try await fixture.extend("2", on: "1", [b])
        let index = DerivativeIndex(store: fixture.store)
        #expect(try await index.derivatives(of: a.id, limit: 10).derivatives == [.init(id: b.id.hex, height: 2)])

        // A longer fork from block 1 without B becomes the main chain.
        try await fixture.builder.build("2'", on: "1")
        try await fixture.builder.build("3'", on: "2'")
        try await fixture.accept("2'")
        try await fixture.accept("3'")
        #expect(await fixture.ledger.chain.tip.id == (await fixture.builder.block("3'"))?.id)
        #expect(try await index.derivatives(of: a.id, limit: 10) == DerivativeList(derivatives: [], total: 0, indexedHeight: 3, tipHeight: 3))

        // B registered again on the new main chain is listed at its new height.
        try await fixture.extend("4'", on: "3'", [b])
        #expect(try await index.derivatives(of: a.id, limit: 10).derivatives == [.init(id: b.id.hex, height: 4)])
    }

    @Test func aForkDeeperThanTheWindowRebuildsFromGenesis() async throws {
        let fixture = try ExplorerLedgerFixture()
        defer { fixture.directory.remove() }
        let a = fixture.registration(TestKeys.alice, nonce: 0, title: "A", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 0))
        try await fixture.extend("1", on: "genesis", [a])
        let b = fixture.registration(TestKeys.bob, nonce: 0, title: "B", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 256), parents: [a.id])
        try await fixture.extend("2", on: "1", [b])
        try await fixture.extend("3", on: "2")
        try await fixture.extend("4", on: "3")
        let index = DerivativeIndex(store: fixture.store, reorgWindow: 2)
        #expect(try await index.derivatives(of: a.id, limit: 10).total == 1)

        // The fork point (block 1) is three blocks under the old tip, outside a window of two.
        let c = fixture.registration(TestKeys.alice, nonce: 1, title: "C", fingerprint: try ExplorerLedgerFixture.fingerprint(ones: 128), parents: [a.id])
        for (name, parent, transactions) in [("2'", "1", [c]), ("3'", "2'", []), ("4'", "3'", []), ("5'", "4'", [])] {
            try await fixture.builder.build(name, on: parent, transactions)
            try await fixture.accept(name)
        }
        #expect(try await index.derivatives(of: a.id, limit: 10) == DerivativeList(
            derivatives: [.init(id: c.id.hex, height: 2)], total: 1, indexedHeight: 5, tipHeight: 5))
    }
}

import FolioCore
import FolioStore
import FolioTestSupport
import Foundation
import GRDB
import Testing

/// The SQLite store's one-row reads run on connections of their own (`SQLitePointReader`),
/// not GRDB's pool: they must see every committed write, turn a damaged row into an error,
/// work from many threads at once, and fail cleanly once the store is closed.
@Suite struct SQLitePointReadTests {
    private func openStore(_ directory: TemporaryDirectory) throws -> (SQLiteChainStore, String) {
        let path = directory.url.appendingPathComponent("c.sqlite").path
        return (try SQLiteChainStore(path: path), path)
    }

    @Test func eachConnectedBlockIsVisibleToTheNextPointReadAtOnce() throws {
        let directory = try TemporaryDirectory(prefix: "folio-point")
        defer { directory.remove() }
        let (store, _) = try openStore(directory)
        var parent = Hash256.zero
        for height in UInt64(0)..<5 {
            let block = Fixture.block(height: height, parent: parent)
            var changes = StateChanges()
            changes.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 100 + height), nonce: height)
            try Fixture.connect(store, block, changes: changes)
            // A reader connection opened before this commit must not answer from an old snapshot.
            #expect(try store.account(Fixture.alice)?.nonce == height)
            #expect(try store.block(atHeight: height)?.id == block.id)
            #expect(try store.mainChainId(atHeight: height) == block.id)
            #expect(try store.blockEntry(id: block.id)?.header == block.header)
            parent = block.id
        }
        #expect(try store.block(atHeight: 5) == nil)
        #expect(try store.block(id: Hash256(bytes: [UInt8](repeating: 7, count: 32))!) == nil)
        #expect(try store.account(Fixture.bob) == nil)
    }

    @Test func aStoredRecordThatDoesNotDecodeIsAnErrorNamingIt() throws {
        let directory = try TemporaryDirectory(prefix: "folio-point")
        defer { directory.remove() }
        let (store, path) = try openStore(directory)
        try store.close()
        // Damage one record behind the store's back, as a disk or a bad tool might.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO accounts(address, record) VALUES (?, ?)",
                           arguments: [Data(Fixture.alice.bytes), Data([0xFF, 0x01])])
        }
        try queue.close()
        let reopened = try SQLiteChainStore(path: path)
        do {
            _ = try reopened.account(Fixture.alice)
            Issue.record("a two-byte account record decoded")
        } catch {
            guard case let .undecodable(what, _) = error else {
                Issue.record("expected undecodable, got \(error)")
                return
            }
            #expect(what == "account")
        }
    }

    @Test func manyThreadsReadingAtOnceAllGetTheRightAnswers() async throws {
        let directory = try TemporaryDirectory(prefix: "folio-point")
        defer { directory.remove() }
        let (store, _) = try openStore(directory)
        var parent = Hash256.zero
        var ids: [Hash256] = []
        for height in UInt64(0)..<8 {
            let block = Fixture.block(height: height, parent: parent)
            try Fixture.connect(store, block, changes: StateChanges())
            ids.append(block.id)
            parent = block.id
        }
        let expected = ids
        // More readers than the idle limit, so connections are opened, reused and closed.
        let wrong = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<24 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<200 {
                        let height = (worker + round) % expected.count
                        if (try? store.block(atHeight: UInt64(height)))??.id != expected[height] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    @Test func readingAfterCloseIsAnErrorNotACrash() throws {
        let directory = try TemporaryDirectory(prefix: "folio-point")
        defer { directory.remove() }
        let (store, _) = try openStore(directory)
        let genesis = Fixture.block(height: 0, parent: .zero)
        try Fixture.connect(store, genesis, changes: StateChanges())
        #expect(try store.block(id: genesis.id) != nil)
        try store.close()
        #expect(throws: StoreError.self) { _ = try store.block(id: genesis.id) }
        #expect(throws: StoreError.self) { _ = try store.account(Fixture.alice) }
    }
}

import FolioCore
import FolioStore
import FolioTestSupport
import Foundation
import GRDB
import Testing

/// What only the SQLite store has to get right: durability settings, reopening, and refusing
/// files it must not touch.
@Suite struct SQLiteChainStoreTests {
    @Test func commitsUseWALAndSynchronousFull() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        let store = try SQLiteChainStore(path: directory.url.appendingPathComponent("c.sqlite").path)
        let (mode, synchronous) = try store.pragmas()
        #expect(mode == "wal")
        #expect(synchronous == 2, "2 is FULL in SQLite's numbering")
    }

    @Test func reopeningKeepsTipAndState() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("c.sqlite").path
        let genesis = Fixture.block(height: 0, parent: .zero)
        do {
            let store = try SQLiteChainStore(path: path)
            var changes = StateChanges()
            changes.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 42), nonce: 3)
            try Fixture.connect(store, genesis, changes: changes)
            try store.close()
        }
        let reopened = try SQLiteChainStore(path: path)
        #expect(try reopened.tip() == ChainTip(id: genesis.id, height: 0))
        #expect(try reopened.account(Fixture.alice) == AccountRecord(balance: Amount(baseUnits: 42), nonce: 3))
    }

    @Test func aNewerSchemaIsRefusedAndTheFileIsLeftAlone() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("newer.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE future(x); PRAGMA user_version = 99; PRAGMA application_id = \(0x466F_6C69)")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(found: 99, supported: ChainStoreSchema.version)) {
            _ = try SQLiteChainStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// Schema 1 wrote licence records without their terms state: a store holding any is
    /// refused (a rewrite would break its blocks' state roots) and left as it was; one without
    /// licences is the same in both formats and is upgraded.
    @Test func aSchemaOneStoreWithLicencesIsRefusedAndOneWithoutIsUpgraded() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        func schemaOne(_ name: String, licences: Int) throws -> String {
            let path = directory.url.appendingPathComponent(name).path
            try SQLiteChainStore(path: path).close()
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                for index in 0..<licences {
                    try db.execute(sql: "INSERT INTO licences(id, work, record) VALUES (?, ?, ?)",
                                   arguments: [Data([UInt8(index)]), Data([1]), Data([2])])
                }
                try db.execute(sql: "PRAGMA user_version = 1")
            }
            try queue.close()
            return path
        }
        let withLicences = try schemaOne("old.sqlite", licences: 2)
        #expect(throws: StoreError.outdatedFormat("2 licence record(s) without terms state, written before schema 2")) {
            _ = try SQLiteChainStore(path: withLicences)
        }
        // Left as it was: still schema 1, with both records (the bytes may differ only by a
        // WAL checkpoint on open).
        let left = try DatabaseQueue(path: withLicences).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM licences"))
        }
        #expect(left.0 == 1 && left.1 == 2)

        let withoutLicences = try schemaOne("empty.sqlite", licences: 0)
        try SQLiteChainStore(path: withoutLicences).close()
        let version = try DatabaseQueue(path: withoutLicences).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 2)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAsCorruptAndLeftAlone() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("garbage.sqlite").path
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        var caught: StoreError?
        do { _ = try SQLiteChainStore(path: path) } catch { caught = error }
        guard case .corrupt = caught else {
            Issue.record("expected .corrupt, got \(String(describing: caught))")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "folio-sqlite")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("other.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE notes(text)") }
            try queue.close()
        }
        #expect(throws: StoreError.corrupt("application_id 0 is not a Folio chain database's")) {
            _ = try SQLiteChainStore(path: path)
        }
    }

    @Test func undoDataSurvivesTheCanonicalRoundTrip() throws {
        var changes = StateChanges()
        changes.accounts[Fixture.alice] = AccountRecord(balance: Amount(baseUnits: 1), nonce: 2)
        changes.accounts.updateValue(nil, forKey: Fixture.bob)
        changes.workLinks.updateValue(nil, forKey: Fixture.hash("a"))
        changes.workLinks[Fixture.hash("b")] = [SimilarWork(workId: Fixture.hash("c"), distance: 40)]
        changes.metadata["k"] = [9]
        changes.metadata.updateValue(nil, forKey: "gone")
        #expect(try StateChanges(canonicalBytes: changes.canonicalBytes) == changes)
    }
}

import FolioCore
import Foundation
import GRDB

/// A `ChainStore` in one SQLite file through GRDB: WAL journal, `synchronous=FULL` on the
/// writing connection (a block acknowledged is a block on disk), schema migrations keyed by
/// `PRAGMA user_version`, cached prepared statements. Each `apply` is one SQLite transaction.
///
/// Opening checks the file before anything writes to it: a file that is not a Folio chain
/// database, fails `PRAGMA quick_check`, or carries a newer schema version is refused with a
/// `StoreError` and left byte-for-byte as it was.
public final class SQLiteChainStore: ChainStore {
    /// How hard a commit waits for the disk.
    public enum Durability: Sendable {
        /// `synchronous=FULL`: a committed block survives power loss. The default.
        case full
        /// `synchronous=NORMAL`: survives a process crash, may lose the last commits on power loss.
        case normal
    }

    /// The `application_id` stamped on every Folio chain database ("Foli").
    static let applicationId: Int32 = 0x466F_6C69

    let pool: DatabasePool
    /// One-row reads by key, on connections of their own (`SQLitePointReader`).
    let pointReader: SQLitePointReader
    /// The database file's path.
    public let path: String

    /// Opens (creating if needed) the chain database at `path` and migrates it to the
    /// current schema.
    public init(path: String, durability: Durability = .full) throws(StoreError) {
        self.path = path
        pointReader = SQLitePointReader(path: path)
        if FileManager.default.fileExists(atPath: path) { try Self.preflight(path: path) }
        do {
            pool = try DatabasePool(path: path, configuration: Configuration())
            let pragma = durability == .full ? "FULL" : "NORMAL"
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(pragma)")
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
            }
            try pool.write { db in try ChainStoreSchema.migrate(db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.map(error)
        }
    }

    /// Reads the file read-only and refuses it when it is damaged, foreign or newer.
    ///
    /// After a crash mid-write the write-ahead log may need recovery, which SQLite refuses to
    /// run on a read-only connection (`SQLITE_READONLY`, as R1's crash test met about one
    /// reopen in three). Then the checks run on a read-write connection, which recovers the
    /// log first; it creates nothing, since the file exists.
    private static func preflight(path: String) throws(StoreError) {
        do {
            do {
                try check(path: path, readonly: true)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                try check(path: path, readonly: false)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw map(error)
        }
    }

    /// Opens `path` on its own connection and runs the preflight's checks.
    private static func check(path: String, readonly: Bool) throws {
        var configuration = Configuration()
        configuration.readonly = readonly
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard check == ["ok"] else { throw StoreError.corrupt(check.prefix(3).joined(separator: "; ")) }
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            guard tables == 0 || application == applicationId else {
                throw StoreError.corrupt("application_id \(application) is not a Folio chain database's")
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard version <= ChainStoreSchema.version else {
                throw StoreError.newerSchema(found: version, supported: ChainStoreSchema.version)
            }
        }
    }

    /// Closes the database; later calls fail.
    public func close() throws(StoreError) {
        pointReader.close()
        do { try pool.close() } catch { throw Self.map(error) }
    }

    /// Runs `body` on a reading connection, mapping every error to a `StoreError`.
    func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try Self.mapped { try pool.read(body) }
    }

    /// Runs `body` in one write transaction, rolled back if it throws.
    func writing<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try Self.mapped { try pool.write(body) }
    }

    /// Runs `body`, passing a `StoreError` through and mapping anything else.
    static func mapped<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw map(error)
        }
    }

    static func map(_ error: any Error) -> StoreError {
        guard let error = error as? DatabaseError else { return .database("\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(error.message ?? "\(error.resultCode)")
        default: return .database("\(error)")
        }
    }
}

extension SQLiteChainStore {
    /// The writing connection's journal mode and `synchronous` level, for checks and tools.
    public func pragmas() throws(StoreError) -> (journalMode: String, synchronous: Int) {
        do {
            return try pool.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                 try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
            }
        } catch {
            throw Self.map(error)
        }
    }
}

extension SQLiteChainStore {
    /// `PRAGMA integrity_check`'s rows: `["ok"]` for a sound file.
    public func integrityCheck() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

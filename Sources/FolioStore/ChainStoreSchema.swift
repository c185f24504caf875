import GRDB

/// The SQLite chain store's schema and its migrations.
public enum ChainStoreSchema {
    /// Schema version this software writes (`PRAGMA user_version`).
    public static let version = 2

    /// Migration `i` takes a database from version `i` to `i + 1`.
    static let migrations: [@Sendable (Database) throws -> Void] = [createVersion1, checkVersion2]

    /// Brings the database up to `version`, each step in the caller's transaction.
    static func migrate(_ db: Database) throws {
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard found <= version else { throw StoreError.newerSchema(found: found, supported: version) }
        for step in found..<version {
            try migrations[step](db)
            try db.execute(sql: "PRAGMA user_version = \(step + 1)")
        }
        if found == 0 { try db.execute(sql: "PRAGMA application_id = \(SQLiteChainStore.applicationId)") }
    }

    /// Version 2 added the terms state to every licence record (`LicenceRecord.termsState`),
    /// which also changes the state root the blocks committed to. A store without licences is
    /// the same in both formats; one with licences cannot be rewritten without breaking its
    /// blocks' state roots, so it is refused with what to do (resync) and left untouched.
    private static func checkVersion2(_ db: Database) throws {
        let licences = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM licences") ?? 0
        guard licences == 0 else {
            throw StoreError.outdatedFormat("\(licences) licence record(s) without terms state, written before schema 2")
        }
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE blocks(id BLOB NOT NULL PRIMARY KEY, height INTEGER NOT NULL, header BLOB NOT NULL,
                                body BLOB NOT NULL, score BLOB NOT NULL);
            CREATE TABLE main_chain(height INTEGER PRIMARY KEY, block BLOB NOT NULL);
            CREATE TABLE txs(id BLOB NOT NULL PRIMARY KEY, block BLOB NOT NULL, height INTEGER NOT NULL,
                             idx INTEGER NOT NULL, bytes BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE undo(block BLOB NOT NULL PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE tip(singleton INTEGER PRIMARY KEY CHECK (singleton = 0), id BLOB NOT NULL,
                             height INTEGER NOT NULL);
            CREATE TABLE accounts(address BLOB NOT NULL PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE works(id BLOB NOT NULL PRIMARY KEY, fingerprint BLOB NOT NULL,
                               record BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE work_owners(owner BLOB NOT NULL, work BLOB NOT NULL, PRIMARY KEY(owner, work)) WITHOUT ROWID;
            CREATE TABLE fingerprint_chunks(chunk INTEGER NOT NULL, value INTEGER NOT NULL, work BLOB NOT NULL,
                                            PRIMARY KEY(chunk, value, work)) WITHOUT ROWID;
            CREATE TABLE work_links(work BLOB NOT NULL PRIMARY KEY, links BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE templates(id BLOB NOT NULL PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE offers(id BLOB NOT NULL PRIMARY KEY, work BLOB NOT NULL, record BLOB NOT NULL) WITHOUT ROWID;
            CREATE INDEX offers_by_work ON offers(work);
            CREATE TABLE licences(id BLOB NOT NULL PRIMARY KEY, work BLOB NOT NULL, record BLOB NOT NULL) WITHOUT ROWID;
            CREATE INDEX licences_by_work ON licences(work);
            CREATE TABLE metadata(key TEXT NOT NULL PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
            """)
    }
}

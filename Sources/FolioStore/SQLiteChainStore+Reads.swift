import FolioCore
import Foundation
import GRDB

extension SQLiteChainStore {
    public func storeBlock(_ block: Block, score: [UInt8]) throws(StoreError) {
        let header = block.header
        try writing { db in
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO blocks(id, height, header, body, score) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [
                    header.id.data, Int64(bitPattern: header.height), Data(header.canonicalBytes),
                    Data(block.canonicalBytes), Data(score),
                ])
        }
    }

    public func block(id: Hash256) throws(StoreError) -> Block? {
        try point(Block.self, "block", .blockBody, .hash(id))
    }

    public func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry? {
        try pointReader.read(.blockEntry, .hash(id)) { row throws(StoreError) in
            BlockEntry(header: try decoded(BlockHeader.self, "header", row.bytes(0)), score: row.bytes(1))
        }
    }

    public func block(atHeight height: UInt64) throws(StoreError) -> Block? {
        try point(Block.self, "block", .blockBodyAtHeight, .integer(Int64(bitPattern: height)))
    }

    public func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256? {
        try pointReader.read(.mainChainId, .integer(Int64(bitPattern: height))) { row throws(StoreError) in
            guard let id = Hash256(bytes: row.bytes(0)) else { throw .corrupt("main chain id at height \(height) is not 32 bytes") }
            return id
        }
    }

    public func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)? {
        try pointReader.read(.transaction, .hash(id)) { row throws(StoreError) in
            guard let blockId = Hash256(bytes: row.bytes(1)), let index = Int(exactly: row.integer(3)) else {
                throw .corrupt("transaction \(id) has a malformed location")
            }
            let transaction = try decoded(Transaction.self, "transaction", row.bytes(0))
            return (transaction, TransactionLocation(blockId: blockId, height: UInt64(bitPattern: row.integer(2)), index: index))
        }
    }

    public func undo(blockId: Hash256) throws(StoreError) -> StateChanges? {
        try point(StateChanges.self, "undo data", .undo, .hash(blockId))
    }

    public func tip() throws(StoreError) -> ChainTip? {
        try reading { db in try Self.readTip(db) }
    }

    static func readTip(_ db: Database) throws -> ChainTip? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, height FROM tip WHERE singleton = 0")) else {
            return nil
        }
        let idBytes: Data = row[0]
        let height: Int64 = row[1]
        guard let id = Hash256(bytes: idBytes) else { throw StoreError.corrupt("the stored tip id is not 32 bytes") }
        return ChainTip(id: id, height: UInt64(bitPattern: height))
    }

    public func account(_ address: Address) throws(StoreError) -> AccountRecord? {
        try point(AccountRecord.self, "account", .account, .blob(address.bytes))
    }

    public func work(_ id: WorkId) throws(StoreError) -> WorkRecord? {
        try point(WorkRecord.self, "work", .work, .hash(id))
    }

    public func works(ownedBy owner: Address) throws(StoreError) -> [WorkId] {
        try fetchAll("SELECT work FROM work_owners WHERE owner = ? ORDER BY work", Data(owner.bytes)).compactMap { Hash256(bytes: $0) }
    }

    public func workLinks(_ id: WorkId) throws(StoreError) -> [SimilarWork]? {
        guard let bytes = try fetch("SELECT links FROM work_links WHERE work = ?", id.data) else { return nil }
        var reader = CanonicalReader([UInt8](bytes))
        do {
            return try reader.readList(field: "links", cap: StateChanges.entryCap, minimumElementSize: 34)
        } catch {
            throw .undecodable(what: "work links", error: error)
        }
    }

    public func template(_ id: TemplateId) throws(StoreError) -> TemplateRecord? {
        try point(TemplateRecord.self, "template", .template, .hash(id))
    }

    public func offer(_ id: OfferId) throws(StoreError) -> OfferRecord? {
        try point(OfferRecord.self, "offer", .offer, .hash(id))
    }

    public func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord] {
        var records: [OfferRecord] = []
        for bytes in try fetchAll("SELECT record FROM offers WHERE work = ? ORDER BY id", work.data) {
            if let record = try decode(OfferRecord.self, "offer", bytes) { records.append(record) }
        }
        return records
    }

    public func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord? {
        try point(LicenceRecord.self, "licence", .licence, .hash(id))
    }

    public func licences(forWork work: WorkId) throws(StoreError) -> [LicenceRecord] {
        var records: [LicenceRecord] = []
        for bytes in try fetchAll("SELECT record FROM licences WHERE work = ? ORDER BY id", work.data) {
            if let record = try decode(LicenceRecord.self, "licence", bytes) { records.append(record) }
        }
        return records
    }

    public func metadata(_ key: String) throws(StoreError) -> [UInt8]? {
        try fetch("SELECT value FROM metadata WHERE key = ?", key).map { [UInt8]($0) }
    }

    // MARK: Helpers

    func fetch(_ sql: String, _ argument: some DatabaseValueConvertible & Sendable) throws(StoreError) -> Data? {
        try reading { db in try Data.fetchOne(db.cachedStatement(sql: sql), arguments: [argument]) }
    }

    func fetchAll(_ sql: String, _ argument: some DatabaseValueConvertible & Sendable) throws(StoreError) -> [Data] {
        try reading { db in try Data.fetchAll(db.cachedStatement(sql: sql), arguments: [argument]) }
    }

    /// One row's first column by `query` and `key`, decoded as `T`; `nil` when there is no row.
    func point<T: CanonicalDecodable>(_ type: T.Type, _ what: String, _ query: SQLitePointReader.Query,
                                      _ key: SQLitePointReader.Key) throws(StoreError) -> T? {
        try pointReader.read(query, key) { row throws(StoreError) in try decoded(T.self, what, row.bytes(0)) }
    }

    func decoded<T: CanonicalDecodable>(_ type: T.Type, _ what: String, _ bytes: [UInt8]) throws(StoreError) -> T {
        do {
            return try T(canonicalBytes: bytes)
        } catch {
            throw .undecodable(what: what, error: error)
        }
    }

    func decode<T: CanonicalDecodable>(_ type: T.Type, _ what: String, _ bytes: Data?) throws(StoreError) -> T? {
        guard let bytes else { return nil }
        do {
            return try T(canonicalBytes: [UInt8](bytes))
        } catch {
            throw .undecodable(what: what, error: error)
        }
    }
}

extension Hash256 {
    /// The 32 bytes as `Data`, the form SQLite binds.
    var data: Data { withUnsafeBytes { Data($0) } }
}

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
        try decode(Block.self, "block", fetch("SELECT body FROM blocks WHERE id = ?", id.data))
    }

    public func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry? {
        let row = try reading { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT header, score FROM blocks WHERE id = ?"), arguments: [id.data])
        }
        guard let row else { return nil }
        let headerBytes: Data = row[0]
        let score: Data = row[1]
        guard let header = try decode(BlockHeader.self, "header", headerBytes) else { return nil }
        return BlockEntry(header: header, score: [UInt8](score))
    }

    public func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256? {
        try fetch("SELECT block FROM main_chain WHERE height = ?", Int64(bitPattern: height)).flatMap { Hash256(bytes: $0) }
    }

    public func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)? {
        let row = try reading { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT block, height, idx, bytes FROM txs WHERE id = ?"), arguments: [id.data])
        }
        guard let row else { return nil }
        let blockBytes: Data = row[0]
        let height: Int64 = row[1]
        let index: Int = row[2]
        let bytes: Data = row[3]
        guard let blockId = Hash256(bytes: blockBytes), let transaction = try decode(Transaction.self, "transaction", bytes) else {
            throw .corrupt("transaction \(id) has a malformed location")
        }
        return (transaction, TransactionLocation(blockId: blockId, height: UInt64(bitPattern: height), index: index))
    }

    public func undo(blockId: Hash256) throws(StoreError) -> StateChanges? {
        try decode(StateChanges.self, "undo data", fetch("SELECT data FROM undo WHERE block = ?", blockId.data))
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
        try decode(AccountRecord.self, "account", fetch("SELECT record FROM accounts WHERE address = ?", Data(address.bytes)))
    }

    public func work(_ id: WorkId) throws(StoreError) -> WorkRecord? {
        try decode(WorkRecord.self, "work", fetch("SELECT record FROM works WHERE id = ?", id.data))
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
        try decode(TemplateRecord.self, "template", fetch("SELECT record FROM templates WHERE id = ?", id.data))
    }

    public func offer(_ id: OfferId) throws(StoreError) -> OfferRecord? {
        try decode(OfferRecord.self, "offer", fetch("SELECT record FROM offers WHERE id = ?", id.data))
    }

    public func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord] {
        var records: [OfferRecord] = []
        for bytes in try fetchAll("SELECT record FROM offers WHERE work = ? ORDER BY id", work.data) {
            if let record = try decode(OfferRecord.self, "offer", bytes) { records.append(record) }
        }
        return records
    }

    public func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord? {
        try decode(LicenceRecord.self, "licence", fetch("SELECT record FROM licences WHERE id = ?", id.data))
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

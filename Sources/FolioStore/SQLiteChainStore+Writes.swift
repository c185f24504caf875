import FolioCore
import Foundation
import GRDB

extension SQLiteChainStore {
    public func apply(_ updates: [ChainUpdate]) throws(StoreError) {
        try writing { db in
            var tip = try Self.readTip(db)
            for update in updates {
                switch update {
                case let .connect(batch): tip = try Self.connect(batch, onto: tip, db)
                case let .disconnect(blockId): tip = try Self.disconnect(blockId, from: tip, db)
                }
            }
            if let tip {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO tip(singleton, id, height) VALUES (0, ?, ?)")
                    .execute(arguments: [tip.id.data, Int64(bitPattern: tip.height)])
            } else {
                try db.execute(sql: "DELETE FROM tip")
            }
        }
    }

    private static func connect(_ batch: ConnectBatch, onto tip: ChainTip?, _ db: Database) throws -> ChainTip {
        let header = batch.block.header
        let id = header.id
        if let tip {
            guard header.parent == tip.id, header.height == tip.height + 1 else {
                throw StoreError.inconsistent("block at height \(header.height) does not extend tip \(tip.id) at \(tip.height)")
            }
        } else if header.height != 0 {
            throw StoreError.inconsistent("the first connected block must be at height 0, not \(header.height)")
        }
        guard try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM blocks WHERE id = ?"), arguments: [id.data]) != nil else {
            throw StoreError.inconsistent("block \(id) is connected before it is stored")
        }
        guard batch.transactionIds.count == batch.block.transactions.count else {
            throw StoreError.inconsistent("\(batch.transactionIds.count) ids for \(batch.block.transactions.count) transactions")
        }
        let height = Int64(bitPattern: header.height)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO main_chain(height, block) VALUES (?, ?)")
            .execute(arguments: [height, id.data])
        let insertTx = try db.cachedStatement(sql: "INSERT OR REPLACE INTO txs(id, block, height, idx, bytes) VALUES (?, ?, ?, ?, ?)")
        for (index, transaction) in batch.block.transactions.enumerated() {
            try insertTx.execute(arguments: [
                batch.transactionIds[index].data, id.data, height, index, Data(transaction.canonicalBytes),
            ])
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO undo(block, data) VALUES (?, ?)")
            .execute(arguments: [id.data, Data(batch.undo.canonicalBytes)])
        try write(batch.changes, db)
        return ChainTip(id: id, height: header.height)
    }

    private static func disconnect(_ blockId: Hash256, from tip: ChainTip?, _ db: Database) throws -> ChainTip? {
        guard let tip, tip.id == blockId else { throw StoreError.inconsistent("block \(blockId) is not the tip") }
        guard let body = try Data.fetchOne(db.cachedStatement(sql: "SELECT body FROM blocks WHERE id = ?"), arguments: [blockId.data]),
              let undoBytes = try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM undo WHERE block = ?"), arguments: [blockId.data])
        else { throw StoreError.inconsistent("no block or undo data for tip \(blockId)") }
        let block: Block
        let undo: StateChanges
        do {
            block = try Block(canonicalBytes: [UInt8](body))
            undo = try StateChanges(canonicalBytes: [UInt8](undoBytes))
        } catch {
            throw StoreError.undecodable(what: "block or undo data of \(blockId)", error: error)
        }
        let deleteTx = try db.cachedStatement(sql: "DELETE FROM txs WHERE id = ?")
        for transaction in block.transactions { try deleteTx.execute(arguments: [transaction.id.data]) }
        try db.cachedStatement(sql: "DELETE FROM main_chain WHERE height = ?").execute(arguments: [Int64(bitPattern: tip.height)])
        try db.cachedStatement(sql: "DELETE FROM undo WHERE block = ?").execute(arguments: [blockId.data])
        try write(undo, db)
        return tip.height == 0 ? nil : ChainTip(id: block.header.parent, height: tip.height - 1)
    }

    private static func write(_ changes: StateChanges, _ db: Database) throws {
        try upsert(changes.accounts, db, "accounts", "address", key: { Data($0.bytes) }) { [Data($0.canonicalBytes)] }
        for (id, record) in changes.works { try writeWork(id, record, db) }
        try upsert(changes.workLinks, db, "work_links", "work", key: { $0.data }) { links in
            var writer = CanonicalWriter()
            writer.writeList(links)
            return [Data(writer.finish())]
        }
        try upsert(changes.templates, db, "templates", "id", key: { $0.data }) { [Data($0.canonicalBytes)] }
        try upsert(changes.offers, db, "offers", "id", key: { $0.data }) { [$0.offer.workId.data, Data($0.canonicalBytes)] }
        try upsert(changes.licences, db, "licences", "id", key: { $0.data }) { [$0.workId.data, Data($0.canonicalBytes)] }
        try upsert(changes.metadata, db, "metadata", "key", key: { $0 }) { [Data($0)] }
    }

    /// Writes or deletes rows of a table keyed by its first column; `columns` lists the other
    /// columns' values in table order.
    private static func upsert<Key, Value>(
        _ table: [Key: Value?], _ db: Database, _ name: String, _ keyColumn: String,
        key: (Key) -> some DatabaseValueConvertible, columns: (Value) -> [Data]
    ) throws {
        guard !table.isEmpty else { return }
        let delete = try db.cachedStatement(sql: "DELETE FROM \(name) WHERE \(keyColumn) = ?")
        for (rawKey, value) in table {
            guard let value else {
                try delete.execute(arguments: [key(rawKey)])
                continue
            }
            let values = columns(value)
            let placeholders = Array(repeating: "?", count: values.count + 1).joined(separator: ", ")
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(name) VALUES (\(placeholders))")
            var arguments: StatementArguments = [key(rawKey)]
            arguments += StatementArguments(values)
            try insert.execute(arguments: arguments)
        }
    }

    /// Writes a work with its owner and fingerprint-chunk index rows, removing the old rows.
    private static func writeWork(_ id: WorkId, _ record: WorkRecord?, _ db: Database) throws {
        if let old = try Data.fetchOne(db.cachedStatement(sql: "SELECT record FROM works WHERE id = ?"), arguments: [id.data]) {
            let previous: WorkRecord
            do { previous = try WorkRecord(canonicalBytes: [UInt8](old)) } catch {
                throw StoreError.undecodable(what: "work \(id)", error: error)
            }
            let deleteOwner = try db.cachedStatement(sql: "DELETE FROM work_owners WHERE owner = ? AND work = ?")
            for owner in previous.owners { try deleteOwner.execute(arguments: [Data(owner.owner.bytes), id.data]) }
            let deleteChunk = try db.cachedStatement(sql: "DELETE FROM fingerprint_chunks WHERE chunk = ? AND value = ? AND work = ?")
            for (index, value) in FingerprintChunks.chunks(of: previous.registration.fingerprint).enumerated() {
                try deleteChunk.execute(arguments: [index, Int(value), id.data])
            }
            try db.cachedStatement(sql: "DELETE FROM works WHERE id = ?").execute(arguments: [id.data])
        }
        guard let record else { return }
        try db.cachedStatement(sql: "INSERT INTO works(id, fingerprint, record) VALUES (?, ?, ?)")
            .execute(arguments: [id.data, Data(record.registration.fingerprint.bytes), Data(record.canonicalBytes)])
        let insertOwner = try db.cachedStatement(sql: "INSERT OR IGNORE INTO work_owners(owner, work) VALUES (?, ?)")
        for owner in record.owners { try insertOwner.execute(arguments: [Data(owner.owner.bytes), id.data]) }
        let insertChunk = try db.cachedStatement(sql: "INSERT OR IGNORE INTO fingerprint_chunks(chunk, value, work) VALUES (?, ?, ?)")
        for (index, value) in FingerprintChunks.chunks(of: record.registration.fingerprint).enumerated() {
            try insertChunk.execute(arguments: [index, Int(value), id.data])
        }
    }
}

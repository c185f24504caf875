import FolioCore
import GRDBSQLite
import Synchronization

/// Point reads by key (one row, one statement) on read-only SQLite connections of the store's
/// own, outside GRDB's reader pool. See `docs/adr/0004-sqlite-point-reads.md` for why.
///
/// Each call checks a connection out of an idle list under a mutex, binds the key to a
/// statement prepared once per connection, steps it to its one row, copies the columns out and
/// resets the statement. Every statement runs in autocommit, so it reads the last committed
/// transaction as one snapshot, as a `DatabasePool.read` of one statement does. Everything else
/// (lists, searches, writes, multi-statement reads) stays on GRDB.
final class SQLitePointReader: Sendable {
    /// The statements this reader runs; each takes one key as parameter 1.
    enum Query: Int, CaseIterable {
        case blockBody, blockEntry, blockBodyAtHeight, mainChainId, transaction, account, work, template, offer, licence, undo

        var sql: String {
            switch self {
            case .blockBody: return "SELECT body FROM blocks WHERE id = ?"
            case .blockEntry: return "SELECT header, score FROM blocks WHERE id = ?"
            case .blockBodyAtHeight:
                return "SELECT b.body FROM main_chain m JOIN blocks b ON b.id = m.block WHERE m.height = ?"
            case .mainChainId: return "SELECT block FROM main_chain WHERE height = ?"
            case .transaction: return "SELECT bytes, block, height, idx FROM txs WHERE id = ?"
            case .account: return "SELECT record FROM accounts WHERE address = ?"
            case .work: return "SELECT record FROM works WHERE id = ?"
            case .template: return "SELECT record FROM templates WHERE id = ?"
            case .offer: return "SELECT record FROM offers WHERE id = ?"
            case .licence: return "SELECT record FROM licences WHERE id = ?"
            case .undo: return "SELECT data FROM undo WHERE block = ?"
            }
        }
    }

    /// A key bound as parameter 1.
    enum Key {
        case blob([UInt8])
        case hash(Hash256)
        case integer(Int64)
    }

    /// Idle connections kept for reuse; more may be open while many threads read at once.
    static let idleLimit = 8

    private let path: String
    private let state = Mutex<State>(State())

    private struct State: ~Copyable {
        var idle: [Connection] = []
        var closed = false
    }

    init(path: String) {
        self.path = path
    }

    /// Runs `query` with `key` and hands its row (or `nil` when there is none) to `row`,
    /// which must copy what it needs: the statement's memory is reused after it returns.
    func read<T>(_ query: Query, _ key: Key, row: (Row) throws(StoreError) -> T) throws(StoreError) -> T? {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try connection.run(query, key, row)
    }

    /// Closes every idle connection; connections in use close when they come back.
    func close() {
        let idle = state.withLock { state -> [Connection] in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { connection.close() }
    }

    private func checkOut() throws(StoreError) -> Connection {
        let reused = state.withLock { state -> Result<Connection?, StoreError> in
            if state.closed { return .failure(.database("the chain database is closed")) }
            return .success(state.idle.popLast())
        }
        if let connection = try reused.get() { return connection }
        return try Connection(path: path)
    }

    private func checkIn(_ connection: Connection) {
        let kept = state.withLock { state -> Bool in
            guard !state.closed, state.idle.count < Self.idleLimit else { return false }
            state.idle.append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    /// The current row of a stepped statement, valid only inside the `row` closure.
    struct Row {
        fileprivate let statement: OpaquePointer

        /// Column `index` as bytes (an empty array for NULL or an empty blob).
        func bytes(_ index: Int32) -> [UInt8] {
            // The pointer first, then its size: SQLite's documented order, in case of a conversion.
            let base = sqlite3_column_blob(statement, index)
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let base else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: base, count: count))
        }

        /// Column `index` as an integer.
        func integer(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }
    }

    /// One read-only connection and its statements, used by one thread at a time: it is only
    /// reachable between `checkOut` and `checkIn`.
    private final class Connection: @unchecked Sendable {
        private var handle: OpaquePointer?
        private var statements: [OpaquePointer?] = Array(repeating: nil, count: Query.allCases.count)

        init(path: String) throws(StoreError) {
            var db: OpaquePointer?
            let opened = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
            guard opened == SQLITE_OK, let db else {
                let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(opened)"
                sqlite3_close_v2(db)
                throw .database("cannot open \(path) for reading: \(message)")
            }
            // A reader waits out a checkpoint's brief lock instead of failing, as GRDB's do.
            sqlite3_busy_timeout(db, 5_000)
            handle = db
        }

        func run<T>(_ query: Query, _ key: Key, _ row: (Row) throws(StoreError) -> T) throws(StoreError) -> T? {
            let statement = try prepared(query)
            defer { sqlite3_reset(statement) }
            switch key {
            case let .integer(value):
                return try step(statement, sqlite3_bind_int64(statement, 1, value), row)
            case let .blob(bytes):
                return try bytes.withUnsafeBytes { raw in bindingBlob(statement, raw, row) }.get()
            case let .hash(hash):
                return try hash.withUnsafeBytes { raw in bindingBlob(statement, raw, row) }.get()
            }
        }

        /// Binds `raw` as parameter 1 and steps, inside the caller's `withUnsafeBytes`:
        /// SQLITE_STATIC (a nil destructor) because the bytes outlive the step.
        private func bindingBlob<T>(_ statement: OpaquePointer, _ raw: UnsafeRawBufferPointer,
                                    _ row: (Row) throws(StoreError) -> T) -> Result<T?, StoreError> {
            Result { () throws(StoreError) -> T? in
                try step(statement, sqlite3_bind_blob(statement, 1, raw.baseAddress, Int32(raw.count), nil), row)
            }
        }

        private func step<T>(_ statement: OpaquePointer, _ bound: Int32,
                             _ row: (Row) throws(StoreError) -> T) throws(StoreError) -> T? {
            guard bound == SQLITE_OK else { throw failure(bound) }
            switch sqlite3_step(statement) {
            case SQLITE_ROW: return try row(Row(statement: statement))
            case SQLITE_DONE: return nil
            case let code: throw failure(code)
            }
        }

        private func prepared(_ query: Query) throws(StoreError) -> OpaquePointer {
            if let statement = statements[query.rawValue] { return statement }
            guard let handle else { throw .database("the chain database is closed") }
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v3(handle, query.sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
            guard code == SQLITE_OK, let statement else { throw failure(code) }
            statements[query.rawValue] = statement
            return statement
        }

        private func failure(_ code: Int32) -> StoreError {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            switch code & 0xFF {
            case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt(message)
            default: return .database(message)
            }
        }

        func close() {
            for statement in statements { sqlite3_finalize(statement) }
            statements = Array(repeating: nil, count: Query.allCases.count)
            sqlite3_close_v2(handle)
            handle = nil
        }

        deinit { close() }
    }
}

import FolioChain
import FolioCore
import FolioFingerprint
import FolioStore
import FolioTestSupport
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// B15 for the chain's gate: `SQLiteChainStore.works(near:within:)` (the path the near-duplicate
/// rule asks) over a real chain database holding CODES registered works, against the in-memory
/// `SimilarityIndex` over the same codes queried in the same run, query by query, with both
/// answers compared. Prints one JSON object per line.
///
/// The database is filled once and kept (a second run on the same path reuses it): the store
/// makes the schema, then the rows go in through a connection of our own, in key order, in one
/// transaction. Filling through `apply` would give the same rows but inserts them in random key
/// order, hours of B-tree page churn at 16 million chunk rows. The rows are what `apply` writes:
/// a real `WorkRecord` per work, its owner row, and its 16 chunk rows.
enum SimilarityBench {
    /// B15's 24 and 32 bits; 54, the provisional threshold; 64, the testnet genesis distance.
    static let distances = [24, 32, 54, 64]

    static func run(database path: String, codes total: Int, maxQueries: Int, secondsPerDistance: Double) throws {
        guard total > 0, total < 1 << 24 else { throw ToolError.failed("codes must be in 1..<16,777,216") }
        let (ids, codes) = makeCodes(total)
        try fillIfNeeded(path: path, ids: ids, codes: codes)

        let store = try SQLiteChainStore(path: path)
        defer { try? store.close() }
        // The gate's path in the node: SimilarityMirrorStore over the same store (built from it).
        let (mirror, openWall, openCPU) = try measure { try SimilarityMirrorStore(store) }
        print("{\"benchmark\":\"mirror-open\",\"works\":\(total),\"wall_seconds\":\(openWall),\"cpu_seconds\":\(openCPU)}")

        for distance in distances {
            let flips = distance / 2
            // Warm SQLite's page cache and the statement cache, untimed.
            _ = try store.works(near: near(codes[0], flips: flips), within: distance)
            var sqlWall: [Double] = [], sqlCPU: [Double] = [], memWall: [Double] = [], memCPU: [Double] = []
            var hits = 0, mismatches = 0
            let started = wallClock()
            var q = 0
            while q < min(maxQueries, total), q < 10 || wallClock() - started < secondsPerDistance {
                let query = near(codes[q], flips: flips)
                // Process CPU: GRDB may run the read on a thread of its own.
                let (got, w0, c0) = measure { try? store.works(near: query, within: distance) }
                guard let got else { throw ToolError.failed("works(near:within:) failed") }
                sqlWall.append(w0); sqlCPU.append(c0)
                let (mem, w1, c1) = measure { try? mirror.works(near: query, within: distance) }
                memWall.append(w1); memCPU.append(c1)
                if got != mem { mismatches += 1 }
                hits += got.count
                q += 1
            }
            print("{\"benchmark\":\"sqlite-works-near-\(distance)\",\"codes\":\(total),\"queries\":\(q),\"hits\":\(hits)"
                  + ",\"mismatches_against_mirror\":\(mismatches)"
                  + spread("wall", sqlWall) + spread("cpu", sqlCPU)
                  + spread("memory_wall", memWall) + spread("memory_cpu", memCPU) + "}")
            if mismatches > 0 { throw ToolError.failed("\(mismatches) answers within \(distance) differ from the mirror") }
            try probePhase(path: path, codes: codes, distance: distance, queries: min(q, 20))
        }
    }

    /// Where the time goes: the store's probe statements alone (the same SQL, IN lists of at
    /// most 4,096 values per chunk), counting the chunk rows they return, without fetching
    /// and checking each candidate work.
    static func probePhase(path: String, codes: [Fingerprint], distance: Int, queries: Int) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let radius = distance / 16
        var cpu: [Double] = [], rows: [Double] = [], distinct: [Double] = []
        for q in 0..<queries {
            let bytes = near(codes[q], flips: distance / 2).bytes
            // Outside the timing (the store builds its probe lists faster than this does).
            let probeLists = (0..<16).map { ball(around: UInt16(chunk(bytes, $0)), radius: radius) }
            let (counts, _, c) = try measure { () throws -> (Int, Int) in
                try queue.read { db -> (Int, Int) in
                    var total = 0
                    var works = Set<Data>()
                    for i in 0..<16 {
                        let probes = probeLists[i]
                        for start in stride(from: 0, to: probes.count, by: 4_096) {
                            let batch = probes[start..<min(start + 4_096, probes.count)]
                            let sql = "SELECT work FROM fingerprint_chunks WHERE chunk = ? AND value IN ("
                                + Array(repeating: "?", count: batch.count).joined(separator: ",") + ")"
                            let found = try Data.fetchAll(db.cachedStatement(sql: sql),
                                                          arguments: StatementArguments([i] + batch.map { Int($0) }))
                            total += found.count
                            works.formUnion(found)
                        }
                    }
                    return (total, works.count)
                }
            }
            cpu.append(c); rows.append(Double(counts.0)); distinct.append(Double(counts.1))
        }
        print("{\"benchmark\":\"sqlite-probes-only-\(distance)\",\"queries\":\(queries)"
              + spread("cpu", cpu) + spread("chunk_rows", rows) + spread("candidate_works", distinct) + "}")
    }

    /// Every 16-bit value within Hamming distance `radius` of `value`.
    static func ball(around value: UInt16, radius: Int) -> [UInt16] {
        (0...UInt32(UInt16.max)).compactMap { v in
            (UInt32(value) ^ v).nonzeroBitCount <= radius ? UInt16(v) : nil
        }
    }

    /// Deterministic random ids and codes (SplitMix64), the same on every run.
    static func makeCodes(_ total: Int) -> (ids: [WorkId], codes: [Fingerprint]) {
        var random = SeededGenerator(seed: 0xB15_5E1)
        var ids: [WorkId] = [], codes: [Fingerprint] = []
        ids.reserveCapacity(total)
        codes.reserveCapacity(total)
        func word32() -> [UInt8] {
            (0..<4).flatMap { _ in withUnsafeBytes(of: random.next().littleEndian) { Array($0) } }
        }
        for _ in 0..<total {
            if let id = Hash256(bytes: word32()), let code = Fingerprint(bytes: word32()) {
                ids.append(id)
                codes.append(code)
            }
        }
        return (ids, codes)
    }

    /// `code` with `flips` bits flipped, in distinct bytes (5 is prime to 32), so the stored
    /// code is a true hit at exactly `flips` bits.
    static func near(_ code: Fingerprint, flips: Int) -> Fingerprint {
        var bytes = code.bytes
        for k in 0..<flips { bytes[(k * 5) % 32] ^= 1 << UInt8(k % 8) }
        return Fingerprint(bytes: bytes) ?? code
    }

    /// The chunk split of the store's `FingerprintChunks`: chunk i is bytes 2i (low) and 2i+1.
    /// (A different split would lose hits, which the comparison with SimilarityIndex reports.)
    static func chunk(_ bytes: [UInt8], _ i: Int) -> UInt64 { UInt64(bytes[2 * i]) | UInt64(bytes[2 * i + 1]) << 8 }

    static func fillIfNeeded(path: String, ids: [WorkId], codes: [Fingerprint]) throws {
        try SQLiteChainStore(path: path).close()  // the store's own schema
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let existing = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM works") ?? 0 }
        if existing == ids.count {
            let probe = try queue.read { try Data.fetchOne($0, sql: "SELECT fingerprint FROM works WHERE id = ?", arguments: [Data(ids[0].bytes)]) }
            guard probe == Data(codes[0].bytes) else { throw ToolError.failed("\(path) holds other works; remove it") }
            print("{\"benchmark\":\"fill\",\"reused\":true,\"works\":\(existing)}")
            return
        }
        guard existing == 0 else { throw ToolError.failed("\(path) holds \(existing) works, not \(ids.count); remove it") }

        let (_, wall, cpu) = try measure { () throws in
            // Works in id order, so chunk rows sorted by (chunk, value, rank) are in key order too.
            let order = ids.indices.sorted { ids[$0] < ids[$1] }
            var keys: [UInt64] = []
            keys.reserveCapacity(16 * ids.count)
            for (rank, i) in order.enumerated() {
                let bytes = codes[i].bytes
                for c in 0..<16 { keys.append(UInt64(c) << 40 | chunk(bytes, c) << 24 | UInt64(rank)) }
            }
            keys.sort()
            let alice = TestKeys.alice.address
            let owners = [Ownership(owner: alice, share: 100_000_000)]
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA cache_size = -262144")
                try db.inTransaction {
                    let insertWork = try db.makeStatement(sql: "INSERT INTO works(id, fingerprint, record) VALUES (?, ?, ?)")
                    let insertOwner = try db.makeStatement(sql: "INSERT INTO work_owners(owner, work) VALUES (?, ?)")
                    for (rank, i) in order.enumerated() {
                        let id = ids[i]
                        let registration = RegisterWork(
                            title: "work \(i)", metadataHash: id, mediaType: .text, contentHash: id,
                            fingerprint: codes[i], modelId: id, owners: owners, parents: [])
                        let record = WorkRecord(id: id, registrant: alice, registration: registration,
                                                registered: ChainPosition(height: UInt64(rank / 1000), timestamp: 1_700_000_000), owners: owners)
                        try insertWork.execute(arguments: [Data(id.bytes), Data(codes[i].bytes), Data(record.canonicalBytes)])
                    }
                    // One owner for every work: its rows are (alice, id) in id order.
                    for i in order { try insertOwner.execute(arguments: [Data(alice.bytes), Data(ids[i].bytes)]) }
                    let insertChunk = try db.makeStatement(sql: "INSERT INTO fingerprint_chunks(chunk, value, work) VALUES (?, ?, ?)")
                    let idData = order.map { Data(ids[$0].bytes) }
                    for key in keys {
                        try insertChunk.execute(arguments: [Int(key >> 40), Int((key >> 24) & 0xFFFF), idData[Int(key & 0xFF_FFFF)]])
                    }
                    return .commit
                }
                // No ANALYZE: a node's store never runs it, so the planner sees what it sees there.
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
        print("{\"benchmark\":\"fill\",\"reused\":false,\"works\":\(ids.count),\"chunk_rows\":\(16 * ids.count),\"wall_seconds\":\(wall),\"cpu_seconds\":\(cpu)}")
    }

    static func wallClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func processCPU() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// (value, wall seconds, process CPU seconds) of `body`.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
        let wall = wallClock(), cpu = processCPU()
        let value = try body()
        return (value, wallClock() - wall, processCPU() - cpu)
    }

    /// Median, 99th percentile (nearest rank), min and max, as JSON members named `name_…`.
    static func spread(_ name: String, _ values: [Double]) -> String {
        let s = values.sorted()
        guard !s.isEmpty else { return "" }
        let p99 = s[min(s.count - 1, Int((0.99 * Double(s.count)).rounded(.up)) - 1)]
        return ",\"\(name)_median\":\(s[s.count / 2]),\"\(name)_p99\":\(p99),\"\(name)_min\":\(s[0]),\"\(name)_max\":\(s[s.count - 1])"
    }
}

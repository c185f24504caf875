import FolioCore
import Foundation
import GRDB

/// How a similarity query reads the works.
enum SimilarityPlan: Sendable {
    /// Probe the chunk index, or scan when the registry holds no more works than there are
    /// probes (the cheaper of the two, as a query planner would choose).
    case automatic
    /// Probe the chunk index whatever the registry's size.
    case probe
    /// Compare with every registered work.
    case scan
}

extension SQLiteChainStore {
    /// Most values bound in one probe statement (SQLite allows 32,766 variables).
    static let probeBatch = 4_096

    public func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork] {
        try works(near: fingerprint, within: distance, plan: .automatic)
    }

    public func workFingerprints() throws(StoreError) -> [(id: WorkId, fingerprint: Fingerprint)] {
        try reading { db in
            var found: [(id: WorkId, fingerprint: Fingerprint)] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, fingerprint FROM works ORDER BY id"))
            while let row = try rows.next() {
                let idBytes: Data = row[0], code: Data = row[1]
                guard let id = Hash256(bytes: idBytes), let fingerprint = Fingerprint(bytes: [UInt8](code)) else {
                    throw StoreError.corrupt("work row with a malformed id or fingerprint")
                }
                found.append((id, fingerprint))
            }
            return found
        }
    }

    /// `works(near:within:)` read the way `plan` says (tests pin a plan to check both).
    func works(near fingerprint: Fingerprint, within distance: Int, plan: SimilarityPlan) throws(StoreError) -> [SimilarWork] {
        guard distance >= 0 else { return [] }
        let radius = FingerprintChunks.radius(for: distance)
        let probeCount = FingerprintChunks.count * FingerprintChunks.probeCount(radius: radius)
        let matches = try reading { db -> [SimilarWork] in
            var scan = plan == .scan
            if plan == .automatic {
                // Counting stops at probeCount + 1 rows, so this costs no more than the probes.
                let sample = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM works LIMIT ?)",
                                              arguments: [probeCount + 1]) ?? 0
                scan = sample <= probeCount
            }
            return scan ? try Self.scanWorks(db, near: fingerprint, within: distance)
                : try Self.probeWorks(db, near: fingerprint, within: distance, radius: radius)
        }
        return matches.sorted()
    }

    /// Every registered work compared with `fingerprint`: for a registry smaller than a query's
    /// probe count, cheaper than probing.
    private static func scanWorks(_ db: Database, near fingerprint: Fingerprint, within distance: Int) throws -> [SimilarWork] {
        var found: [SimilarWork] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, fingerprint FROM works"))
        while let row = try rows.next() {
            let idBytes: Data = row[0], code: Data = row[1]
            guard let id = Hash256(bytes: [UInt8](idBytes)), let stored = Fingerprint(bytes: [UInt8](code)) else { continue }
            let bits = stored.distance(to: fingerprint)
            if bits <= distance { found.append(SimilarWork(workId: id, distance: bits)) }
        }
        return found
    }

    /// Multi-index hashing: per chunk, the values within `radius` of the query's chunk go in
    /// `IN` lists of at most `probeBatch` (one statement each, not one per probe: at radius 3
    /// that is 16 statements instead of 11,152), then each candidate is checked at full length.
    private static func probeWorks(_ db: Database, near fingerprint: Fingerprint, within distance: Int, radius: Int) throws -> [SimilarWork] {
        let load = try db.cachedStatement(sql: "SELECT fingerprint FROM works WHERE id = ?")
        var candidates = Set<Data>()
        for (index, value) in FingerprintChunks.chunks(of: fingerprint).enumerated() {
            let probes = FingerprintChunks.probes(around: value, radius: radius)
            for start in stride(from: 0, to: probes.count, by: probeBatch) {
                let batch = probes[start..<min(start + probeBatch, probes.count)]
                let placeholders = Array(repeating: "?", count: batch.count).joined(separator: ",")
                let probe = try db.cachedStatement(sql: "SELECT work FROM fingerprint_chunks WHERE chunk = ? AND value IN (\(placeholders))")
                var arguments: [(any DatabaseValueConvertible)?] = [index]
                arguments.reserveCapacity(batch.count + 1)
                for candidate in batch { arguments.append(Int(candidate)) }
                candidates.formUnion(try Data.fetchAll(probe, arguments: StatementArguments(arguments)))
            }
        }
        var found: [SimilarWork] = []
        for candidate in candidates {
            guard let id = Hash256(bytes: [UInt8](candidate)),
                  let code = try Data.fetchOne(load, arguments: [candidate]),
                  let stored = Fingerprint(bytes: [UInt8](code)) else { continue }
            let bits = stored.distance(to: fingerprint)
            if bits <= distance { found.append(SimilarWork(workId: id, distance: bits)) }
        }
        return found
    }
}

import FolioCore
import Foundation
import GRDB

extension SQLiteChainStore {
    public func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork] {
        guard distance >= 0 else { return [] }
        let radius = FingerprintChunks.radius(for: distance)
        let matches = try reading { db -> [SimilarWork] in
            let probe = try db.cachedStatement(sql: "SELECT work FROM fingerprint_chunks WHERE chunk = ? AND value = ?")
            let load = try db.cachedStatement(sql: "SELECT fingerprint FROM works WHERE id = ?")
            var candidates = Set<Data>()
            for (index, value) in FingerprintChunks.chunks(of: fingerprint).enumerated() {
                for candidate in FingerprintChunks.probes(around: value, radius: radius) {
                    let hits = try Data.fetchAll(probe, arguments: [index, Int(candidate)])
                    candidates.formUnion(hits)
                }
            }
            var found: [SimilarWork] = []
            for candidate in candidates {
                guard let id = Hash256(bytes: candidate),
                      let code = try Data.fetchOne(load, arguments: [candidate]),
                      let stored = Fingerprint(bytes: [UInt8](code)) else { continue }
                let bits = stored.distance(to: fingerprint)
                if bits <= distance { found.append(SimilarWork(workId: id, distance: bits)) }
            }
            return found
        }
        return matches.sorted()
    }
}

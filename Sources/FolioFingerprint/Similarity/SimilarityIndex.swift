import FolioCore

/// An in-memory multi-index-hashing index of fingerprints, answering "every code within
/// Hamming distance d" without scanning. Ids are the caller's (a row number, a work index).
///
/// Memory is about 4 bytes per code per chunk plus the codes themselves; for persistent use
/// FolioStore keeps the same chunk tables in SQLite.
public struct SimilarityIndex: Sendable {
    /// How codes are split.
    public let scheme: ChunkScheme
    private var codes: [PackedCode] = []
    private var ids: [Int] = []
    /// buckets[chunk << bits | chunk value] → positions in `codes` (one flat array, so appends
    /// stay in place).
    private var buckets: [[Int32]]

    /// An empty index.
    public init(scheme: ChunkScheme = .standard) {
        self.scheme = scheme
        buckets = Array(repeating: [], count: scheme.count << scheme.bits)
    }

    /// Number of codes held.
    public var count: Int { codes.count }

    /// Adds `code` under `id`; the same id may be added more than once.
    public mutating func insert(_ code: Fingerprint, id: Int) {
        let position = Int32(truncatingIfNeeded: codes.count)
        codes.append(PackedCode(code))
        ids.append(id)
        for (chunk, value) in scheme.chunks(of: code).enumerated() {
            buckets[chunk << scheme.bits | Int(value)].append(position)
        }
    }

    /// Every (id, distance) with distance ≤ `distance` from `code`, nearest first, ties by id.
    public func search(_ code: Fingerprint, within distance: Int) -> [(id: Int, distance: Int)] {
        guard distance >= 0 else { return [] }
        let packed = PackedCode(code)
        let radius = scheme.radius(forDistance: distance)
        // Past this point probing costs more bucket visits than there are codes: scan instead.
        if scheme.probeCount(radius: radius) * scheme.count >= codes.count {
            return sorted(codes.indices.compactMap { i in
                let d = packed.distance(to: codes[i])
                return d <= distance ? (i, d) : nil
            })
        }
        var seen = Set<Int32>()
        var found: [(Int, Int)] = []
        for (chunk, value) in scheme.chunks(of: code).enumerated() {
            for probe in scheme.probes(around: value, radius: radius) {
                for position in buckets[chunk << scheme.bits | Int(probe)] where seen.insert(position).inserted {
                    let d = packed.distance(to: codes[Int(position)])
                    if d <= distance { found.append((Int(position), d)) }
                }
            }
        }
        return sorted(found)
    }

    private func sorted(_ hits: [(Int, Int)]) -> [(id: Int, distance: Int)] {
        hits.map { (id: ids[$0.0], distance: $0.1) }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }
}

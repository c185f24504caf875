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
        let packed = PackedCode(code)
        codes.append(packed)
        ids.append(id)
        for chunk in 0..<scheme.count {
            buckets[chunk << scheme.bits | Int(packed.chunk(chunk, bits: scheme.bits))].append(position)
        }
    }

    /// Every (id, distance) with distance ≤ `distance` from `code`, nearest first, ties by id.
    ///
    /// Probes each chunk's table within the radii of `ChunkScheme.radii(forDistance:)` and
    /// verifies every candidate with the full distance; a code found through two chunks is
    /// reported once.
    public func search(_ code: Fingerprint, within distance: Int) -> [(id: Int, distance: Int)] {
        guard distance >= 0 else { return [] }
        let packed = PackedCode(code)
        // Past this point probing costs more bucket visits than there are codes: scan instead.
        if scheme.bucketVisits(forDistance: distance) >= codes.count {
            return sorted(codes.indices.compactMap { i in
                let d = packed.distance(to: codes[i])
                return d <= distance ? (i, d) : nil
            })
        }
        let radii = scheme.radii(forDistance: distance)
        let bits = scheme.bits
        var found: [(position: Int32, distance: Int)] = []
        codes.withUnsafeBufferPointer { codes in
            ChunkMasks.byWeight(bits: bits).withUnsafeBufferPointer { masks in
                for chunk in 0..<scheme.count where radii[chunk] >= 0 {
                    let value = packed.chunk(chunk, bits: bits)
                    let table = chunk << bits
                    for mask in masks[0..<scheme.probeCount(radius: radii[chunk])] {
                        buckets[table | Int(value ^ mask)].withUnsafeBufferPointer { bucket in
                            for position in bucket {
                                let d = packed.distance(to: codes[Int(position)])
                                if d <= distance { found.append((position, d)) }
                            }
                        }
                    }
                }
            }
        }
        found.sort { $0.position < $1.position }
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(found.count)
        for hit in found where unique.last?.0 != Int(hit.position) { unique.append((Int(hit.position), hit.distance)) }
        return sorted(unique)
    }

    private func sorted(_ hits: [(Int, Int)]) -> [(id: Int, distance: Int)] {
        hits.map { (id: ids[$0.0], distance: $0.1) }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }
}

/// XOR masks over a chunk's bits ordered by weight (then value), so the first
/// `ChunkScheme.probeCount(radius: r)` of them are exactly the masks of weight ≤ r. Built once.
enum ChunkMasks {
    static let sixteen = build(bits: 16)
    static let eight = build(bits: 8)

    static func byWeight(bits: Int) -> [UInt32] { bits == 16 ? sixteen : eight }

    static func build(bits: Int) -> [UInt32] {
        (0..<UInt32(1 << bits)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
    }
}

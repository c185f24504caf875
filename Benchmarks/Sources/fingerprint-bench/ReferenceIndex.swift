import FolioCore
import FolioFingerprint

/// The similarity index as it was before the chunk tables carried code words (Folio up to
/// 16c44cf): per bucket an array of positions, each candidate's code fetched from one big
/// array, found hits sorted to drop repeats. Kept here as the reference the new index is
/// timed against in the same run, and as an independent answer to compare with at 1 M codes.
/// `phase` stops a search early, to see where its time goes.
struct ReferenceIndex {
    struct Words { let w0, w1, w2, w3: UInt64 }

    /// How far a search goes.
    enum Phase {
        /// Read every probed bucket's length only.
        case probe
        /// Also read every position in those buckets.
        case positions
        /// Also fetch each candidate's code and count the differing bits.
        case verify
        /// The whole search: also sort the hits, drop repeats, map to ids and order them.
        case full
    }

    let scheme = ChunkScheme.standard
    private var codes: [Words] = []
    private var ids: [Int] = []
    private var buckets: [[Int32]]
    private let masks: [UInt32]

    init() {
        buckets = Array(repeating: [], count: scheme.count << scheme.bits)
        // All 16-bit masks by weight, then value: the first Σ C(16, k ≤ r) are those within r.
        masks = (0..<UInt32(1 << scheme.bits)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
    }

    var count: Int { codes.count }

    /// Bytes held: codes, ids, each bucket array's elements and its 32-byte header.
    var storageBytes: Int {
        32 * codes.capacity + 8 * ids.capacity + buckets.reduce(8 * buckets.capacity) { $0 + 32 + 4 * $1.capacity }
    }

    static func words(_ code: Fingerprint) -> Words {
        let b = code.bytes
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(b[8 * i + $1]) << UInt64(8 * $1) } }
        return Words(w0: word(0), w1: word(1), w2: word(2), w3: word(3))
    }

    static func chunk(_ w: Words, _ index: Int) -> Int {
        let word = [w.w0, w.w1, w.w2, w.w3][index / 4]
        return Int(truncatingIfNeeded: word >> UInt64(16 * (index % 4))) & 0xFFFF
    }

    mutating func insert(_ code: Fingerprint, id: Int) {
        let position = Int32(truncatingIfNeeded: codes.count)
        let w = Self.words(code)
        codes.append(w)
        ids.append(id)
        for c in 0..<scheme.count { buckets[c << scheme.bits | Self.chunk(w, c)].append(position) }
    }

    /// The search as before, stopped after `phase`; returns the hits (empty before `.full`)
    /// and a number that depends on everything read, so no phase is optimised away.
    func search(_ code: Fingerprint, within distance: Int, phase: Phase = .full) -> (hits: [(id: Int, distance: Int)], touched: Int) {
        let q = Self.words(code)
        let radii = scheme.radii(forDistance: distance)
        var touched = 0
        var found: [(position: Int32, distance: Int)] = []
        codes.withUnsafeBufferPointer { codes in
            for c in 0..<scheme.count where radii[c] >= 0 {
                let value = UInt32(Self.chunk(q, c))
                for mask in masks[0..<scheme.probeCount(radius: radii[c])] {
                    buckets[c << scheme.bits | Int(value ^ mask)].withUnsafeBufferPointer { bucket in
                        touched &+= bucket.count
                        guard phase != .probe else { return }
                        for position in bucket {
                            guard phase != .positions else { touched &+= Int(position); continue }
                            let w = codes[Int(position)]
                            let d = (w.w0 ^ q.w0).nonzeroBitCount + (w.w1 ^ q.w1).nonzeroBitCount
                                + (w.w2 ^ q.w2).nonzeroBitCount + (w.w3 ^ q.w3).nonzeroBitCount
                            if d <= distance { found.append((position, d)) }
                        }
                    }
                }
            }
        }
        touched &+= found.count
        guard phase == .full else { return ([], touched) }
        found.sort { $0.position < $1.position }
        var unique: [(Int, Int)] = []
        for hit in found where unique.last?.0 != Int(hit.position) { unique.append((Int(hit.position), hit.distance)) }
        let hits = unique.map { (id: ids[$0.0], distance: $0.1) }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return (hits, touched)
    }
}

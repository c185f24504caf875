import FolioCore
import FolioFingerprint

// The reference the similarity benchmark times `SimilarityIndex` against in the same run, and
// an independent answer to compare with at 1 M codes: `SimilarityIndex` and its parts as of
// d544a9f (all Swift; chunk tables carrying three code words, buckets' memory touched 32 at a
// time, bit counts in shared steps), types renamed with a `Ref` prefix and `public` dropped.
// Not otherwise changed.

/// Bits set across several 64-bit words, summed in shared steps.
///
/// Builds target baseline x86-64, which has no POPCNT instruction, so each `nonzeroBitCount`
/// compiles to a dozen shifts, masks and a multiply. Verifying a candidate takes the count of
/// three or four words; doing the early steps per word and the last ones once for the sum
/// takes about 29 operations for three words instead of 38, and the similarity search does
/// it ~10⁵ times per query.
enum RefBitCount {
    private static let pairMask: UInt64 = 0x5555_5555_5555_5555
    private static let nibbleMask: UInt64 = 0x3333_3333_3333_3333
    private static let byteMask: UInt64 = 0x0F0F_0F0F_0F0F_0F0F
    private static let byteSum: UInt64 = 0x0101_0101_0101_0101

    /// Bits set in each 4-bit group of `x` (each group holds 0…4).
    @inline(__always)
    private static func nibbles(_ x: UInt64) -> UInt64 {
        let pairs = x &- ((x >> 1) & pairMask)
        return (pairs & nibbleMask) &+ ((pairs >> 2) & nibbleMask)
    }

    /// Per-byte counts (each ≤ 255 and their total ≤ 255) added up into one number.
    @inline(__always)
    private static func total(ofBytes bytes: UInt64) -> Int { Int(truncatingIfNeeded: (bytes &* byteSum) >> 56) }

    /// Bits set in `a`, `b` and `c` together.
    @inline(__always)
    static func of(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        let n = nibbles(a) &+ nibbles(b) &+ nibbles(c)  // each group ≤ 12
        return total(ofBytes: (n & byteMask) &+ ((n >> 4) & byteMask))  // each byte ≤ 24, total ≤ 192
    }

    /// Bits set in all four words together (0…256: summed as two halves, since one byte
    /// cannot hold 256).
    @inline(__always)
    static func of(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> Int {
        let low = nibbles(a) &+ nibbles(b), high = nibbles(c) &+ nibbles(d)
        return total(ofBytes: (low & byteMask) &+ ((low >> 4) & byteMask))
            + total(ofBytes: (high & byteMask) &+ ((high >> 4) & byteMask))
    }
}


/// A fingerprint as four 64-bit words, so a Hamming distance is four XORs and popcounts
/// instead of a 32-step byte loop; the index keeps every code in this form.
struct RefPackedCode: Equatable, Sendable {
    let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ code: Fingerprint) {
        let b = code.bytes
        func word(_ i: Int) -> UInt64 {
            var w: UInt64 = 0
            for j in 0..<8 { w |= UInt64(b[8 * i + j]) << UInt64(8 * j) }
            return w
        }
        w0 = word(0); w1 = word(1); w2 = word(2); w3 = word(3)
    }

    @inline(__always)
    func distance(to o: RefPackedCode) -> Int { RefBitCount.of(w0 ^ o.w0, w1 ^ o.w1, w2 ^ o.w2, w3 ^ o.w3) }

    /// Word `index` (0…3): code bits [64·index, 64·index + 64).
    @inline(__always)
    func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    /// Chunk `index` of `bits` (16 or 8) bits: code bits [index·bits, (index+1)·bits), the same
    /// value as `ChunkScheme.chunks(of:)[index]`.
    @inline(__always)
    func chunk(_ index: Int, bits: Int) -> UInt32 {
        let perWord = 64 / bits
        return UInt32(truncatingIfNeeded: word(index / perWord) >> UInt64(bits * (index % perWord))) & UInt32((1 << bits) - 1)
    }
}


/// One chunk's table of a `ReferenceIndex`, laid out so that verifying a bucket's candidates
/// reads memory in order instead of jumping to each candidate's code.
///
/// Compressed rows: bucket v's entries are `starts[v] ..< starts[v + 1]`. Entry j carries the
/// three words of its code that do not hold this chunk (`words[3j ..< 3j + 3]`) and the code's
/// position in the index (`positions[j]`). Those 192 bits plus the chunk's own distance (the
/// weight of the probe mask) bound the full distance from below; a random code passes the
/// bound at d = 54 with probability 6 × 10⁻¹⁰ (192 fair coin flips, at most 54 heads), so the
/// full code is fetched, out of order, almost only for true hits.
struct RefChunkTable: Sendable {
    /// Which chunk of the scheme this table indexes.
    let chunk: Int
    /// Bits per chunk (16 or 8).
    let bits: Int
    /// The word of the code that holds this chunk; entries keep the other three.
    let chunkWord: Int
    private(set) var starts: [UInt32]
    private(set) var words: [UInt64] = []
    private(set) var positions: [UInt32] = []

    /// An empty table for chunk `chunk` of chunks `bits` wide.
    init(chunk: Int, bits: Int) {
        self.chunk = chunk
        self.bits = bits
        chunkWord = chunk / (64 / bits)
        starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
    }

    /// Entries held.
    var count: Int { positions.count }

    /// Bytes held by the arrays (their capacities).
    var storageBytes: Int { 4 * starts.capacity + 8 * words.capacity + 4 * positions.capacity }

    /// The three words an entry keeps: the code's words other than `chunkWord`, in order.
    @inline(__always)
    func keptWords(of code: RefPackedCode) -> (UInt64, UInt64, UInt64) {
        switch chunkWord {
        case 0: (code.w1, code.w2, code.w3)
        case 1: (code.w0, code.w2, code.w3)
        case 2: (code.w0, code.w1, code.w3)
        default: (code.w0, code.w1, code.w2)
        }
    }

    /// Adds `codes[first...]` under their positions: the table is rewritten in order, each old
    /// bucket copied whole and followed by its new entries, rather than grown by appends
    /// scattered over all its buckets.
    mutating func add(_ codes: UnsafeBufferPointer<RefPackedCode>, from first: Int) {
        let bucketCount = 1 << bits, added = codes.count - first
        guard added > 0 else { return }
        // Counting sort of the new positions by bucket.
        var addedStarts = [Int](repeating: 0, count: bucketCount + 1)
        for position in first..<codes.count { addedStarts[Int(codes[position].chunk(chunk, bits: bits)) + 1] += 1 }
        for v in 0..<bucketCount { addedStarts[v + 1] += addedStarts[v] }
        var next = addedStarts
        var order = [UInt32](repeating: 0, count: added)
        for position in first..<codes.count {
            let v = Int(codes[position].chunk(chunk, bits: bits))
            order[next[v]] = UInt32(truncatingIfNeeded: position)
            next[v] += 1
        }
        let total = count + added
        // Two passes, words then positions; in each, bucket v is its old run copied whole, then
        // its new entries.
        let newWords = [UInt64](unsafeUninitializedCapacity: 3 * total) { out, done in
            words.withUnsafeBufferPointer { old in
                var next = out.baseAddress!
                for v in 0..<bucketCount {
                    let oldStart = Int(starts[v]), run = Int(starts[v + 1]) - oldStart
                    next.initialize(from: old.baseAddress! + 3 * oldStart, count: 3 * run)
                    next += 3 * run
                    for k in addedStarts[v]..<addedStarts[v + 1] {
                        let (a, b, c) = keptWords(of: codes[Int(order[k])])
                        next.initialize(to: a)
                        (next + 1).initialize(to: b)
                        (next + 2).initialize(to: c)
                        next += 3
                    }
                }
            }
            done = 3 * total
        }
        let newPositions = [UInt32](unsafeUninitializedCapacity: total) { out, done in
            positions.withUnsafeBufferPointer { old in
                var next = out.baseAddress!
                for v in 0..<bucketCount {
                    let oldStart = Int(starts[v]), run = Int(starts[v + 1]) - oldStart
                    next.initialize(from: old.baseAddress! + oldStart, count: run)
                    next += run
                    let addedRun = addedStarts[v + 1] - addedStarts[v]
                    order.withUnsafeBufferPointer { next.initialize(from: $0.baseAddress! + addedStarts[v], count: addedRun) }
                    next += addedRun
                }
            }
            done = total
        }
        for v in 0...bucketCount { starts[v] += UInt32(truncatingIfNeeded: addedStarts[v]) }
        words = newWords
        positions = newPositions
    }

    /// Buckets whose memory is requested together before any is verified (see `collect`).
    static let group = 32

    /// Appends to `hits` every entry within `distance` of `query` whose chunk lies within
    /// `radius` of the query's: probes the buckets at masks[0 ..< ball(radius)] (ordered by
    /// weight), rejects on the lower bound, and confirms the rest against `codes`.
    ///
    /// The time goes in waiting for memory: each bucket sits at a random place in tens of
    /// megabytes. So buckets are taken `group` at a time: first one load per cache line of all
    /// of them, in a loop short enough that the processor has them all in flight at once, then
    /// the verification, which finds them in cache.
    func collect(near query: RefPackedCode, radius: Int, within distance: Int, masks: UnsafeBufferPointer<UInt32>,
                 codes: UnsafeBufferPointer<RefPackedCode>, into hits: inout [RefIndexHit]) {
        let value = query.chunk(chunk, bits: bits)
        let (qa, qb, qc) = keptWords(of: query)
        let probes = HammingBall.size(bits: bits, radius: min(radius, bits))
        starts.withUnsafeBufferPointer { starts in
            words.withUnsafeBufferPointer { words in
                positions.withUnsafeBufferPointer { positions in
                    var ranges: [(start: Int, stop: Int, budget: Int)] = []
                    ranges.reserveCapacity(Self.group)
                    var touched: UInt64 = 0
                    var first = 0
                    while first < probes {
                        let last = min(first + Self.group, probes)
                        ranges.removeAll(keepingCapacity: true)
                        for maskIndex in first..<last {
                            let mask = masks[maskIndex]
                            let bucket = Int(value ^ mask)
                            // The chunk is exactly weight(mask) bits away for every entry here.
                            ranges.append((Int(starts[bucket]), Int(starts[bucket + 1]), distance - mask.nonzeroBitCount))
                        }
                        for range in ranges where range.stop > range.start {
                            // A load every 8 words (64 bytes, a cache line) and one of the last
                            // word reach every line the entries span.
                            var w = 3 * range.start
                            while w < 3 * range.stop {
                                touched ^= words[w]
                                w += 8
                            }
                            touched ^= words[3 * range.stop - 1]
                        }
                        for range in ranges {
                            let budget = range.budget
                            for j in range.start..<range.stop {
                                let base = 3 &* j
                                // All three words in one test: testing two first rejects 95 % at
                                // d = 54 but only half at 64, where the branch then mispredicts
                                // (1.8 ms against 1.1 ms per query at 1 M codes; 54 the same).
                                if RefBitCount.of(words[base] ^ qa, words[base &+ 1] ^ qb, words[base &+ 2] ^ qc) <= budget {
                                    let position = positions[j]
                                    let full = codes[Int(position)].distance(to: query)
                                    if full <= distance { hits.append(RefIndexHit(position: position, distance: UInt32(full))) }
                                }
                            }
                        }
                        first = last
                    }
                    // Uses the touched words so the loads above are not optimised away; the
                    // call changes nothing either way.
                    if touched == qa { hits.reserveCapacity(hits.count) }
                }
            }
        }
    }
}

/// A code found by a search: its position in the index and its distance from the query.
struct RefIndexHit: Sendable {
    let position: UInt32
    let distance: UInt32
}


/// An in-memory multi-index-hashing index of fingerprints, answering "every code within
/// Hamming distance d" without scanning. Ids are the caller's (a row number, a work index).
///
/// One `RefChunkTable` per chunk, each entry carrying three of the code's four words so a bucket
/// is verified by reading memory in order: about 28 bytes per code per chunk (16 chunks: ~450
/// bytes per code, ~0.5 GB per million) plus the codes themselves. Codes inserted one at a time
/// wait in a short unindexed run that searches scan, and join the tables when that run grows
/// past 1/32 of the indexed codes (at least 2,048), so building by single inserts costs a few
/// full passes rather than one scattered write per chunk per code. For persistent use
/// FolioStore keeps the same chunk tables in SQLite.
struct ReferenceIndex: Sendable {
    /// How codes are split.
    let scheme: ChunkScheme
    private var codes: [RefPackedCode] = []
    private var ids: [Int] = []
    private var tables: [RefChunkTable]
    /// codes[..<indexed] are in the tables; the rest are scanned by every search.
    private var indexed = 0

    /// Fewest unindexed codes worth a pass over the tables.
    static let minimumUnindexed = 2_048
    /// The unindexed run may grow to 1/this of the indexed codes before it joins the tables.
    static let unindexedShare = 32

    /// An empty index.
    init(scheme: ChunkScheme = .standard) {
        self.scheme = scheme
        tables = (0..<scheme.count).map { RefChunkTable(chunk: $0, bits: scheme.bits) }
    }

    /// Number of codes held.
    var count: Int { codes.count }

    /// Codes held but not yet in the chunk tables (searches scan them).
    var unindexedCount: Int { codes.count - indexed }

    /// Bytes held by the index's arrays (by capacity), for sizing.
    var storageBytes: Int {
        32 * codes.capacity + 8 * ids.capacity + tables.reduce(0) { $0 + $1.storageBytes }
    }

    /// Adds `code` under `id`; the same id may be added more than once. At most 2³² − 1 codes.
    mutating func insert(_ code: Fingerprint, id: Int) {
        codes.append(RefPackedCode(code))
        ids.append(id)
        if unindexedCount > max(Self.minimumUnindexed, indexed / Self.unindexedShare) { indexPending() }
    }

    /// Adds every (code, id) pair and indexes them in one pass over the tables: the quick way
    /// to build an index of many codes.
    mutating func insert<Entries: Sequence>(contentsOf entries: Entries) where Entries.Element == (code: Fingerprint, id: Int) {
        for (code, id) in entries {
            codes.append(RefPackedCode(code))
            ids.append(id)
        }
        indexPending()
    }

    /// Moves the unindexed codes into the chunk tables (searches stop scanning them).
    mutating func indexPending() {
        guard indexed < codes.count else { return }
        let first = indexed
        codes.withUnsafeBufferPointer { codes in
            for t in tables.indices { tables[t].add(codes, from: first) }
        }
        indexed = codes.count
    }

    /// Every (id, distance) with distance ≤ `distance` from `code`, nearest first, ties by id.
    ///
    /// Probes each chunk's table within the radii of `ChunkScheme.radii(forDistance:)`,
    /// verifies the candidates, and scans the codes not yet indexed; a code found through two
    /// chunks is reported once.
    func search(_ code: Fingerprint, within distance: Int) -> [(id: Int, distance: Int)] {
        guard distance >= 0 else { return [] }
        let query = RefPackedCode(code)
        var hits: [RefIndexHit] = []
        codes.withUnsafeBufferPointer { codes in
            // Past this point probing costs more bucket visits than there are codes: scan instead.
            let scanAll = scheme.bucketVisits(forDistance: distance) >= codes.count
            if !scanAll {
                let radii = scheme.radii(forDistance: distance)
                RefChunkMasks.byWeight(bits: scheme.bits).withUnsafeBufferPointer { masks in
                    for table in tables where radii[table.chunk] >= 0 {
                        table.collect(near: query, radius: radii[table.chunk], within: distance, masks: masks,
                                      codes: codes, into: &hits)
                    }
                }
            }
            for position in (scanAll ? 0 : indexed)..<codes.count {
                let d = codes[position].distance(to: query)
                if d <= distance { hits.append(RefIndexHit(position: UInt32(truncatingIfNeeded: position), distance: UInt32(d))) }
            }
        }
        // Only hits (not candidates) can repeat, one per chunk that found them: few to sort.
        hits.sort { $0.position < $1.position }
        var unique: [(id: Int, distance: Int)] = []
        unique.reserveCapacity(hits.count)
        var last: UInt32?
        for hit in hits where hit.position != last {
            unique.append((id: ids[Int(hit.position)], distance: Int(hit.distance)))
            last = hit.position
        }
        return unique.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }
}

/// XOR masks over a chunk's bits ordered by weight (then value), so the first
/// `ChunkScheme.probeCount(radius: r)` of them are exactly the masks of weight ≤ r. Built once.
enum RefChunkMasks {
    static let sixteen = build(bits: 16)
    static let eight = build(bits: 8)

    static func byWeight(bits: Int) -> [UInt32] { bits == 16 ? sixteen : eight }

    static func build(bits: Int) -> [UInt32] {
        (0..<UInt32(1 << bits)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
    }
}

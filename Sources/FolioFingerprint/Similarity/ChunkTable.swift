import CSimilarityScan
import FolioCore

/// One chunk's table of a `SimilarityIndex`, laid out so that verifying a bucket's candidates
/// reads memory in order instead of jumping to each candidate's code.
///
/// Compressed rows: bucket v's entries are `starts[v] ..< starts[v + 1]`. Entry j is 20 bytes
/// (`words.units[5j ..< 5j + 5]`, 32-bit units): 160 bits of its code that lie outside this
/// chunk's word — of the other three words the first two whole and the low half of the third
/// (`keptBits`) — and the code's position in the index is `positions[j]`. Those 160 bits plus the chunk's own distance (the
/// weight of the probe mask) bound the full distance from below. A random code passes the
/// bound at d = 64 with probability 1.7 × 10⁻³ (160 fair coin flips, at most 61 heads) and at
/// d = 54 with 2.6 × 10⁻⁶, so the full code is fetched, out of order, for a few hundred
/// entries per search at most; carrying all 192 bits (24 bytes) made those rarer still but
/// every search reads each entry, and the search waits on memory (docs/fingerprint.md).
struct ChunkTable: Sendable {
    /// Which chunk of the scheme this table indexes.
    let chunk: Int
    /// Bits per chunk (16 or 8).
    let bits: Int
    /// The word of the code that holds this chunk; entries keep bits of the other three.
    let chunkWord: Int
    private(set) var starts: [UInt32]
    private(set) var words = EntryBlock(count: 0)
    private(set) var positions: [UInt32] = []
    /// 32-bit units per entry.
    static let entryUnits = 5

    /// Blocks of entries from this many bytes up ask for huge pages (`EntryBlock`).
    let hugePagesFrom: Int

    /// An empty table for chunk `chunk` of chunks `bits` wide.
    init(chunk: Int, bits: Int, hugePagesFrom: Int = EntryBlock.hugePagesFrom) {
        self.chunk = chunk
        self.bits = bits
        self.hugePagesFrom = hugePagesFrom
        chunkWord = chunk / (64 / bits)
        starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
    }

    /// Entries held.
    var count: Int { positions.count }

    /// Bytes held by the arrays (their capacities).
    var storageBytes: Int { 4 * starts.capacity + 4 * words.count + 4 * positions.capacity }

    /// The bits an entry keeps: of the code's words other than `chunkWord`, in order, the
    /// first two whole and the low 32 bits of the third.
    @inline(__always)
    func keptBits(of code: PackedCode) -> (UInt64, UInt64, UInt32) {
        switch chunkWord {
        case 0: (code.w1, code.w2, UInt32(truncatingIfNeeded: code.w3))
        case 1: (code.w0, code.w2, UInt32(truncatingIfNeeded: code.w3))
        case 2: (code.w0, code.w1, UInt32(truncatingIfNeeded: code.w3))
        default: (code.w0, code.w1, UInt32(truncatingIfNeeded: code.w2))
        }
    }

    /// Adds `codes[first...]` under their positions: the table is rewritten in order, each old
    /// bucket copied whole and followed by its new entries, rather than grown by appends
    /// scattered over all its buckets.
    mutating func add(_ codes: UnsafeBufferPointer<PackedCode>, from first: Int) {
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
        // Two passes, entry bits then positions; in each, bucket v is its old run copied whole, then
        // its new entries.
        let units = Self.entryUnits
        let newWords = EntryBlock(count: units * total, hugeFrom: hugePagesFrom)
        var write = newWords.units
        for v in 0..<bucketCount {
            let oldStart = Int(starts[v]), run = Int(starts[v + 1]) - oldStart
            write.initialize(from: words.units + units * oldStart, count: units * run)
            write += units * run
            for k in addedStarts[v]..<addedStarts[v + 1] {
                let (a, b, c) = keptBits(of: codes[Int(order[k])])
                write.initialize(to: UInt32(truncatingIfNeeded: a))
                (write + 1).initialize(to: UInt32(truncatingIfNeeded: a >> 32))
                (write + 2).initialize(to: UInt32(truncatingIfNeeded: b))
                (write + 3).initialize(to: UInt32(truncatingIfNeeded: b >> 32))
                (write + 4).initialize(to: c)
                write += units
            }
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

    /// Appends to `hits` every entry within `distance` of `query` whose chunk lies within
    /// `radius` of the query's: probes the buckets at masks[0 ..< ball(radius)] (ordered by
    /// weight), rejects on the lower bound, and confirms the rest against `codes`.
    ///
    /// The probing and the lower bound run in C (`folio_similarity_scan_run`, CSimilarityScan):
    /// the time goes in waiting for memory, each bucket sitting at a random place in hundreds
    /// of megabytes, and in counting bits; C can request the next buckets' memory with
    /// prefetch instructions while the current one is checked, and can use the POPCNT
    /// instruction where the processor has it. `scratch` receives the entries that pass the
    /// bound, as many at a time as it holds.
    func collect(near query: PackedCode, radius: Int, within distance: Int, masks: UnsafeBufferPointer<UInt32>,
                 codes: UnsafeBufferPointer<PackedCode>, hardwareBitCount: Bool,
                 scratch: UnsafeMutableBufferPointer<UInt32>, into hits: inout [IndexHit]) {
        guard count > 0, !scratch.isEmpty else { return }
        let (qa, qb, qc) = keptBits(of: query)
        // The masks table holds every mask of the chunk's width, so this is the ball's size.
        let probes = min(HammingBall.size(bits: bits, radius: min(radius, bits)), masks.count)
        starts.withUnsafeBufferPointer { starts in
            withExtendedLifetime(words) { words in
                positions.withUnsafeBufferPointer { positions in
                    var scan = folio_similarity_scan(
                        starts: starts.baseAddress, words: words.units, masks: masks.baseAddress,
                        query0: qa, query1: qb, query2: qc, value: query.chunk(chunk, bits: bits),
                        probes: UInt32(probes), distance: Int32(clamping: distance), use_popcnt: hardwareBitCount ? 1 : 0,
                        next_probe: 0, next_entry: 0)
                    repeat {
                        let passed = folio_similarity_scan_run(&scan, scratch.baseAddress, scratch.count)
                        for k in 0..<passed {
                            let position = positions[Int(scratch[k])]
                            let full = codes[Int(position)].distance(to: query)
                            if full <= distance { hits.append(IndexHit(position: position, distance: UInt32(full))) }
                        }
                    } while scan.next_probe < scan.probes
                }
            }
        }
    }
}

/// A code found by a search: its position in the index and its distance from the query.
struct IndexHit: Sendable {
    let position: UInt32
    let distance: UInt32
}

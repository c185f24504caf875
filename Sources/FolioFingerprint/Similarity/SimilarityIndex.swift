import CSimilarityScan
import FolioCore

/// An in-memory multi-index-hashing index of fingerprints, answering "every code within
/// Hamming distance d" without scanning. Ids are the caller's (a row number, a work index).
///
/// One `ChunkTable` per chunk, each entry carrying 160 bits of its code so a bucket is
/// verified by reading memory in order (the scan itself is C, CSimilarityScan): 24 bytes per
/// code per chunk with its position (16 chunks: 384 bytes per code, ~410 MiB per million with
/// the codes and ids). Codes inserted one at a time
/// wait in a short unindexed run that searches scan, and join the tables when that run grows
/// past 1/32 of the indexed codes (at least 2,048), so building by single inserts costs a few
/// full passes rather than one scattered write per chunk per code. For persistent use
/// FolioStore keeps the same chunk tables in SQLite.
public struct SimilarityIndex: Sendable {
    /// How codes are split.
    public let scheme: ChunkScheme
    private var codes: [PackedCode] = []
    private var ids: [Int] = []
    private var tables: [ChunkTable]
    /// codes[..<indexed] are in the tables; the rest are scanned by every search.
    private var indexed = 0

    /// Whether the chunk tables' scan counts bits with the processor's POPCNT instruction: on
    /// by default where the processor has it (x86-64 CPUID), never where it does not. Turning
    /// it off selects the portable count, which gives the same answers (for tests and
    /// benchmarks).
    public var usesPopcountInstruction: Bool {
        get { hardwareBitCount }
        set { hardwareBitCount = newValue && Self.processorHasPopcount }
    }
    private var hardwareBitCount = SimilarityIndex.processorHasPopcount
    static let processorHasPopcount = folio_similarity_cpu_has_popcnt() != 0
    /// Entries passing a table's lower bound that the C scan hands back at a time (tests make
    /// it small, to check that a scan stopped by a full buffer carries on where it stopped).
    var scanBatch = 256

    /// Fewest unindexed codes worth a pass over the tables.
    static let minimumUnindexed = 2_048
    /// The unindexed run may grow to 1/this of the indexed codes before it joins the tables.
    static let unindexedShare = 32

    /// An empty index.
    public init(scheme: ChunkScheme = .standard) {
        self.init(scheme: scheme, hugePagesFrom: EntryBlock.hugePagesFrom)
    }

    /// An empty index whose tables ask for huge pages from `hugePagesFrom` bytes (tests pass 0
    /// to take that path with small tables).
    init(scheme: ChunkScheme = .standard, hugePagesFrom: Int) {
        self.scheme = scheme
        tables = (0..<scheme.count).map { ChunkTable(chunk: $0, bits: scheme.bits, hugePagesFrom: hugePagesFrom) }
    }

    /// Number of codes held.
    public var count: Int { codes.count }

    /// Codes held but not yet in the chunk tables (searches scan them).
    public var unindexedCount: Int { codes.count - indexed }

    /// Bytes held by the index's arrays (by capacity), for sizing.
    public var storageBytes: Int {
        32 * codes.capacity + 8 * ids.capacity + tables.reduce(0) { $0 + $1.storageBytes }
    }

    /// Adds `code` under `id`; the same id may be added more than once. At most 2³² − 1 codes.
    public mutating func insert(_ code: Fingerprint, id: Int) {
        codes.append(PackedCode(code))
        ids.append(id)
        if unindexedCount > max(Self.minimumUnindexed, indexed / Self.unindexedShare) { indexPending() }
    }

    /// Adds every (code, id) pair and indexes them in one pass over the tables: the quick way
    /// to build an index of many codes.
    public mutating func insert<Entries: Sequence>(contentsOf entries: Entries) where Entries.Element == (code: Fingerprint, id: Int) {
        for (code, id) in entries {
            codes.append(PackedCode(code))
            ids.append(id)
        }
        indexPending()
    }

    /// Moves the unindexed codes into the chunk tables (searches stop scanning them).
    public mutating func indexPending() {
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
    public func search(_ code: Fingerprint, within distance: Int) -> [(id: Int, distance: Int)] {
        guard distance >= 0 else { return [] }
        let query = PackedCode(code)
        var hits: [IndexHit] = []
        codes.withUnsafeBufferPointer { codes in
            // Past this point probing costs more bucket visits than there are codes: scan instead.
            let scanAll = scheme.bucketVisits(forDistance: distance) >= codes.count
            if !scanAll {
                let radii = scheme.radii(forDistance: distance)
                ChunkMasks.byWeight(bits: scheme.bits).withUnsafeBufferPointer { masks in
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, scanBatch)) { scratch in
                        for table in tables where radii[table.chunk] >= 0 {
                            table.collect(near: query, radius: radii[table.chunk], within: distance, masks: masks,
                                          codes: codes, hardwareBitCount: hardwareBitCount, scratch: scratch, into: &hits)
                        }
                    }
                }
            }
            for position in (scanAll ? 0 : indexed)..<codes.count {
                let d = codes[position].distance(to: query)
                if d <= distance { hits.append(IndexHit(position: UInt32(truncatingIfNeeded: position), distance: UInt32(d))) }
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
enum ChunkMasks {
    static let sixteen = build(bits: 16)
    static let eight = build(bits: 8)

    static func byWeight(bits: Int) -> [UInt32] { bits == 16 ? sixteen : eight }

    static func build(bits: Int) -> [UInt32] {
        (0..<UInt32(1 << bits)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
    }
}

import CSimilarityScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A chunk table's entries (32-bit units), in memory from `folio_similarity_table_alloc`: at a
/// million codes each table's 20 MB is aligned to 2 MiB and backed by transparent huge pages
/// where Linux allows, because a search reads thousands of buckets at random places and with
/// 4 KiB pages nearly every one also missed the TLB (docs/fingerprint.md: 0.85 → 0.72 ms at 64
/// bits on the gate's path in a trial). Written once by `ChunkTable.add` before anything reads
/// it, never changed after, so copies of a table share it safely.
final class EntryBlock: @unchecked Sendable {
    /// The first unit (never dangling; a block of no units still owns a byte).
    let units: UnsafeMutablePointer<UInt32>
    /// Units held.
    let count: Int
    private let fromC: Bool

    /// Blocks of at least this many bytes ask for huge pages.
    static let hugePagesFrom = 4 << 20

    /// An uninitialised block of `count` units; `hugeFrom` overrides the huge-page threshold
    /// (tests use 0 to take that path with small tables).
    init(count: Int, hugeFrom: Int = EntryBlock.hugePagesFrom) {
        self.count = count
        if let raw = folio_similarity_table_alloc(4 * count, max(0, hugeFrom)) {
            units = raw.bindMemory(to: UInt32.self, capacity: max(1, count))
            fromC = true
        } else {
            // Out of memory in C: Swift's allocator then fails the same way an array would.
            units = .allocate(capacity: max(1, count))
            fromC = false
        }
    }

    deinit {
        if fromC { free(units) } else { units.deallocate() }
    }
}

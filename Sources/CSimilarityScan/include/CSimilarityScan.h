// The inner loop of FolioFingerprint's SimilarityIndex, in C for two instructions Swift cannot
// ask for in one function of a baseline x86-64 build: POPCNT (chosen at run time, so the
// library still runs on any x86-64) and PREFETCH (so the memory of the next buckets is on its
// way while the current one is checked). It only filters: it names the entries whose lower
// bound passes, and Swift checks those against the full code. Also here: the tables' memory,
// which on Linux is asked for as transparent huge pages (madvise).
#ifndef FOLIO_CSIMILARITYSCAN_H
#define FOLIO_CSIMILARITYSCAN_H
#include <stddef.h>
#include <stdint.h>

/// One chunk table's search, and how far it has gone (the scan may stop when `out` is full and
/// carry on from where it stopped).
typedef struct {
    /// Bucket v's entries are starts[v] ..< starts[v + 1].
    const uint32_t *starts;
    /// Five 32-bit units (20 bytes) per entry: two 64-bit words of the entry's code, low half
    /// first, then 32 more bits, all outside this chunk.
    const uint32_t *words;
    /// XOR masks over the chunk, by weight; masks[0 ..< probes] are probed.
    const uint32_t *masks;
    /// The query's bits matching an entry's: two words and 32 bits.
    uint64_t query0, query1;
    uint32_t query2;
    /// The query's chunk value.
    uint32_t value;
    /// How many masks to probe.
    uint32_t probes;
    /// The search distance: an entry passes when weight(mask) + the distance over its 160
    /// bits is at most this.
    int32_t distance;
    /// 1: use the POPCNT instruction (only when `folio_similarity_cpu_has_popcnt` said so);
    /// 0: the portable bit count.
    int32_t use_popcnt;
    /// Progress: the next probe to scan, and the entry of that probe's bucket to resume at
    /// (0: its start). Both 0 before the first call.
    uint32_t next_probe;
    uint32_t next_entry;
} folio_similarity_scan;

/// Scans on from the progress in `scan`, writing the index of every passing entry to `out`;
/// stops when every probe is done (`next_probe == probes`) or `out` holds `capacity` indices.
/// Returns the number written. `capacity` must be at least 1.
size_t folio_similarity_scan_run(folio_similarity_scan *scan, uint32_t *out, size_t capacity);

/// Memory for a chunk table's entries: `bytes` bytes, uninitialised, or NULL when there is none.
/// From `huge_from` bytes up (and on Linux only), the block is aligned to 2 MiB and the kernel
/// is asked (madvise MADV_HUGEPAGE) to back it with transparent huge pages, so that the
/// scattered bucket reads of a search miss the TLB far less often. Free it with `free`.
void *folio_similarity_table_alloc(size_t bytes, size_t huge_from);

/// 1 when this processor has the POPCNT instruction (x86-64 CPUID), 0 when it does not;
/// on other architectures 0 (their portable count already uses the native instruction).
int folio_similarity_cpu_has_popcnt(void);

#endif

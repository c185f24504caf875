// See include/CSimilarityScan.h. Why C: see the header; why this shape: docs/fingerprint.md
// ("Similarity index").
#include "CSimilarityScan.h"
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define FOLIO_X86 1
#endif

// Buckets whose entries are requested from memory before the current bucket is checked, and
// (further ahead) whose bucket bounds are. A bucket at a million codes holds about 15 entries
// (five cache lines) at a random place in hundreds of megabytes: without the requests ahead,
// each one waits a full memory latency. Measured at 1 M codes, 64 bits (24-byte entries then):
// 4 buckets ahead 0.70 ms, 8 0.65, 12 0.66; requesting only each bucket's first 2 lines 1.31 ms.
enum { WORDS_AHEAD = 8, STARTS_AHEAD = 16, MAX_LINES_AHEAD = 16 };

// Requests the cache lines of `bucket`'s entries (at most MAX_LINES_AHEAD of them; a longer
// run is sequential and the hardware prefetcher follows it).
static inline __attribute__((always_inline)) void request_bucket(const uint32_t *starts, const uint32_t *words,
                                                                 uint32_t bucket) {
    uint32_t start = starts[bucket], stop = starts[bucket + 1];
    if (start == stop) return;
    uintptr_t line = (uintptr_t)(words + 5 * (size_t)start) & ~(uintptr_t)63;
    uintptr_t last = (uintptr_t)(words + 5 * (size_t)stop) - 1;
    for (int n = 0; line <= last && n < MAX_LINES_AHEAD; line += 64, n++) __builtin_prefetch((const void *)line);
}

// The scan itself, compiled twice below: once where __builtin_popcountll is the POPCNT
// instruction and once where it is the portable bit arithmetic.
static inline __attribute__((always_inline)) size_t scan_body(folio_similarity_scan *s, uint32_t *out,
                                                              size_t capacity) {
    const uint32_t *starts = s->starts, *masks = s->masks;
    const uint32_t *words = s->words;
    const uint64_t q0 = s->query0, q1 = s->query1;
    const uint32_t q2 = s->query2;
    const uint32_t value = s->value, probes = s->probes;
    const int32_t distance = s->distance;
    uint32_t p = s->next_probe, resume = s->next_entry;
    size_t written = 0;
    for (uint32_t k = p; k < probes && k < p + STARTS_AHEAD; k++) __builtin_prefetch(&starts[value ^ masks[k]]);
    for (uint32_t k = p; k < probes && k < p + WORDS_AHEAD; k++) request_bucket(starts, words, value ^ masks[k]);
    for (; p < probes; p++) {
        if (p + STARTS_AHEAD < probes) __builtin_prefetch(&starts[value ^ masks[p + STARTS_AHEAD]]);
        if (p + WORDS_AHEAD < probes) request_bucket(starts, words, value ^ masks[p + WORDS_AHEAD]);
        const uint32_t mask = masks[p], bucket = value ^ mask;
        uint32_t j = starts[bucket];
        const uint32_t stop = starts[bucket + 1];
        if (resume > j) j = resume;  // only the bucket a full `out` stopped in
        resume = 0;
        // Every entry here is exactly weight(mask) bits away on the chunk.
        const int budget = distance - __builtin_popcount(mask);
        for (; j < stop; j++) {
            const uint32_t *e = words + 5 * (size_t)j;
            uint64_t a, b;  // entries are 20 bytes apart, so only 4-byte aligned
            memcpy(&a, e, 8);
            memcpy(&b, e + 2, 8);
            const int bound = __builtin_popcountll(a ^ q0) + __builtin_popcountll(b ^ q1) + __builtin_popcount(e[4] ^ q2);
            if (bound <= budget) {
                if (written == capacity) {
                    s->next_probe = p;
                    s->next_entry = j;
                    return written;
                }
                out[written++] = j;
            }
        }
    }
    s->next_probe = probes;
    s->next_entry = 0;
    return written;
}

#ifdef FOLIO_X86
__attribute__((target("popcnt"))) static size_t scan_popcnt(folio_similarity_scan *s, uint32_t *out, size_t capacity) {
    return scan_body(s, out, capacity);
}
#endif

static size_t scan_portable(folio_similarity_scan *s, uint32_t *out, size_t capacity) {
    return scan_body(s, out, capacity);
}

size_t folio_similarity_scan_run(folio_similarity_scan *scan, uint32_t *out, size_t capacity) {
#ifdef FOLIO_X86
    if (scan->use_popcnt) return scan_popcnt(scan, out, capacity);
#endif
    return scan_portable(scan, out, capacity);
}

void *folio_similarity_table_alloc(size_t bytes, size_t huge_from) {
    if (bytes == 0) bytes = 1;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= huge_from) {
        const size_t huge = (size_t)2 << 20;
        void *block = NULL;
        if (posix_memalign(&block, huge, bytes) != 0) return NULL;
        // Only whole 2 MiB pages can be huge; a refusal (THP off) just leaves small pages.
        size_t whole = bytes & ~(huge - 1);
        if (whole > 0) (void)madvise(block, whole, MADV_HUGEPAGE);
        return block;
    }
#else
    (void)huge_from;
#endif
    return malloc(bytes);
}

int folio_similarity_cpu_has_popcnt(void) {
#ifdef FOLIO_X86
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_POPCNT) != 0;
#else
    return 0;
#endif
}

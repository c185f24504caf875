// See include/CSimilarityScan.h. Why C: see the header; why this shape: docs/fingerprint.md
// ("Similarity index").
#include "CSimilarityScan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define FOLIO_X86 1
#endif

// Buckets whose entries are requested from memory before the current bucket is checked, and
// (further ahead) whose bucket bounds are. A bucket at a million codes holds about 15 entries
// (six cache lines) at a random place in hundreds of megabytes: without the requests ahead,
// each one waits a full memory latency.
enum { WORDS_AHEAD = 8, STARTS_AHEAD = 16, MAX_LINES_AHEAD = 16 };

// Requests the cache lines of `bucket`'s entries (at most MAX_LINES_AHEAD of them; a longer
// run is sequential and the hardware prefetcher follows it).
static inline __attribute__((always_inline)) void request_bucket(const uint32_t *starts, const uint64_t *words,
                                                                 uint32_t bucket) {
    uint32_t start = starts[bucket], stop = starts[bucket + 1];
    if (start == stop) return;
    uintptr_t line = (uintptr_t)(words + 3 * (size_t)start) & ~(uintptr_t)63;
    uintptr_t last = (uintptr_t)(words + 3 * (size_t)stop) - 1;
    for (int n = 0; line <= last && n < MAX_LINES_AHEAD; line += 64, n++) __builtin_prefetch((const void *)line);
}

// The scan itself, compiled twice below: once where __builtin_popcountll is the POPCNT
// instruction and once where it is the portable bit arithmetic.
static inline __attribute__((always_inline)) size_t scan_body(folio_similarity_scan *s, uint32_t *out,
                                                              size_t capacity) {
    const uint32_t *starts = s->starts, *masks = s->masks;
    const uint64_t *words = s->words;
    const uint64_t q0 = s->query0, q1 = s->query1, q2 = s->query2;
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
            const uint64_t *w = words + 3 * (size_t)j;
            const int bound = __builtin_popcountll(w[0] ^ q0) + __builtin_popcountll(w[1] ^ q1)
                + __builtin_popcountll(w[2] ^ q2);
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

int folio_similarity_cpu_has_popcnt(void) {
#ifdef FOLIO_X86
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_POPCNT) != 0;
#else
    return 0;
#endif
}

import FolioCore
import Testing
@testable import FolioFingerprint

/// The parts of `SimilarityIndex` that make it fast: shared-step bit counts, chunk tables whose
/// entries carry three code words (a lower bound that must never drop a true hit), and codes
/// that wait unindexed until enough have gathered.
@Suite struct SimilarityLayoutTests {
    @Test func sharedStepBitCountsEqualPerWordCounts() {
        var rng = TestRandom(seed: 31)
        let extremes: [UInt64] = [0, .max, 1, 1 << 63, 0x5555_5555_5555_5555, 0xAAAA_AAAA_AAAA_AAAA, 0xFF00_FF00_FF00_FF00]
        var words = extremes
        for _ in 0..<400 { words.append(rng.next() & rng.next()); words.append(rng.next() | rng.next()) }
        for (i, a) in words.enumerated() {
            let b = words[(i * 7 + 3) % words.count], c = words[(i * 13 + 5) % words.count], d = words[(i * 29 + 1) % words.count]
            #expect(BitCount.of(a, b, c) == a.nonzeroBitCount + b.nonzeroBitCount + c.nonzeroBitCount)
            #expect(BitCount.of(a, b, c, d) == a.nonzeroBitCount + b.nonzeroBitCount + c.nonzeroBitCount + d.nonzeroBitCount)
        }
        // The largest sums, where a single byte would overflow.
        #expect(BitCount.of(.max, .max, .max, .max) == 256)
        #expect(BitCount.of(.max, .max, .max) == 192)
    }

    /// Codes exactly d bits from the query with all d bits in one word w, spread evenly over
    /// its four chunks so that each of those chunks is further than its radius (their tables
    /// cannot find the code). Every other table finds it only through its lower bound, which is
    /// tight when the table keeps word w whole — for w = 0 and w = 1 every table outside the
    /// word does (an entry keeps the first two of the other words whole and the low half of
    /// the third) — so a bound even one bit too strict loses those codes. Each code must be
    /// found at d and not at d − 1. 14,000 codes, so that even at 64 bits the search probes
    /// (12,972 bucket visits) rather than scanning.
    @Test(arguments: [16, 32, 54, 64])
    func hitsWithTheirBitsPackedIntoOneWordAreFoundAtExactlyTheirDistance(distance: Int) throws {
        var rng = TestRandom(seed: UInt64(distance))
        let query = rng.code()
        var index = SimilarityIndex()
        for i in 0..<14_000 { index.insert(rng.code(), id: 10_000 + i) }
        for w in 0..<4 {
            var bytes = query.bytes
            for k in 0..<distance {
                let bit = 64 * w + 16 * (k % 4) + k / 4
                bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            }
            let code = try #require(Fingerprint(bytes: bytes))
            try #require(code.distance(to: query) == distance)
            index.insert(code, id: w)
        }
        index.indexPending()
        #expect(index.unindexedCount == 0)
        #expect(ChunkScheme.standard.bucketVisits(forDistance: distance) < index.count)
        let found = index.search(query, within: distance).filter { $0.id < 4 }
        #expect(found.map(\.id) == [0, 1, 2, 3] && found.allSatisfy { $0.distance == distance })
        #expect(index.search(query, within: distance - 1).allSatisfy { $0.id >= 10_000 })
    }

    @Test func waitingCodesJoinTheTablesOnceEnoughHaveGathered() {
        var rng = TestRandom(seed: 12)
        var index = SimilarityIndex()
        for i in 0..<SimilarityIndex.minimumUnindexed { index.insert(rng.code(), id: i) }
        #expect(index.unindexedCount == SimilarityIndex.minimumUnindexed)
        index.insert(rng.code(), id: -1)
        #expect(index.unindexedCount == 0 && index.count == SimilarityIndex.minimumUnindexed + 1)
        index.insert(rng.code(), id: -2)
        #expect(index.unindexedCount == 1)
        index.indexPending()
        #expect(index.unindexedCount == 0 && index.count == SimilarityIndex.minimumUnindexed + 2)
    }

    /// The same codes answer the same whether inserted one by one (some waiting unindexed),
    /// in bulk, or one by one and then all indexed; for both chunk widths.
    @Test(arguments: [16, 32])
    func insertionPathsGiveTheSameAnswers(chunks: Int) throws {
        let scheme = try #require(ChunkScheme(count: chunks))
        var rng = TestRandom(seed: 77)
        var codes: [Fingerprint] = []
        for i in 0..<5000 { codes.append(i % 5 == 4 ? rng.near(codes[i / 2], flips: i % 50) : rng.code()) }
        var single = SimilarityIndex(scheme: scheme), bulk = SimilarityIndex(scheme: scheme)
        for (i, code) in codes.enumerated() { single.insert(code, id: i) }
        bulk.insert(contentsOf: codes.enumerated().map { (code: $1, id: $0) })
        var flushed = single
        flushed.indexPending()
        #expect(single.unindexedCount > 0 && bulk.unindexedCount == 0 && flushed.unindexedCount == 0)
        for q in 0..<10 {
            let query = rng.near(codes[q * 450 + 7], flips: 3 * q)
            for d in [8, 24, 40, 54] {
                let distances = codes.map { query.distance(to: $0) }
                let brute = codes.indices.filter { distances[$0] <= d }.sorted { (distances[$0], $0) < (distances[$1], $1) }
                for index in [single, bulk, flushed] {
                    let got = index.search(query, within: d)
                    #expect(got.map(\.id) == brute && got.map(\.distance) == brute.map { distances[$0] }, "query \(q) d \(d)")
                }
            }
        }
    }

    /// Half the codes are near copies of one code, so a search near it finds hundreds of
    /// entries passing the lower bound in the same buckets; with room for 1 or 3 at a time the
    /// C scan stops inside buckets and must carry on from exactly there (no entry skipped, none
    /// reported twice). Both bit counts.
    @Test(arguments: [1, 3, 256])
    func aScanStoppedByAFullBufferCarriesOnWhereItStopped(batch: Int) {
        var rng = TestRandom(seed: 40)
        let base = rng.code()
        var codes: [Fingerprint] = []
        for i in 0..<4000 { codes.append(i % 2 == 0 ? rng.near(base, flips: i % 30) : rng.code()) }
        var index = SimilarityIndex()
        index.insert(contentsOf: codes.enumerated().map { (code: $1, id: $0) })
        index.scanBatch = batch
        var portable = index
        portable.usesPopcountInstruction = false
        for q in 0..<4 {
            let query = rng.near(base, flips: 4 * q)
            let distances = codes.map { query.distance(to: $0) }
            for d in [16, 40, 64] {
                let brute = codes.indices.filter { distances[$0] <= d }.sorted { (distances[$0], $0) < (distances[$1], $1) }
                #expect(brute.count > 100)
                for searched in [index, portable] {
                    let got = searched.search(query, within: d)
                    #expect(got.map(\.id) == brute && got.map(\.distance) == brute.map { distances[$0] }, "query \(q) d \(d)")
                }
            }
        }
    }

    /// Tables whose entries sit in blocks aligned for huge pages (every block, with the
    /// threshold at 0) answer exactly as brute force, through inserts one by one and a flush.
    @Test func tablesInHugePageBlocksAnswerAsBruteForce() {
        var rng = TestRandom(seed: 55)
        var codes: [Fingerprint] = []
        for i in 0..<6000 { codes.append(i % 3 == 2 ? rng.near(codes[i / 2], flips: i % 60) : rng.code()) }
        var index = SimilarityIndex(hugePagesFrom: 0)
        for (i, code) in codes.enumerated() { index.insert(code, id: i) }
        index.indexPending()
        for q in 0..<6 {
            let query = rng.near(codes[q * 900 + 5], flips: 4 * q)
            let distances = codes.map { query.distance(to: $0) }
            for d in [16, 32, 54] {
                let brute = codes.indices.filter { distances[$0] <= d }.sorted { (distances[$0], $0) < (distances[$1], $1) }
                let got = index.search(query, within: d)
                #expect(got.map(\.id) == brute && got.map(\.distance) == brute.map { distances[$0] }, "query \(q) d \(d)")
            }
        }
    }
}

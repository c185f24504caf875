import FolioCore
import Testing
@testable import FolioFingerprint

extension TestRandom {
    mutating func code() -> Fingerprint {
        Fingerprint(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &self) })!
    }

    /// `code` with `flips` distinct bits flipped.
    mutating func near(_ code: Fingerprint, flips: Int) -> Fingerprint {
        var bytes = code.bytes
        for bit in Array(0..<256).shuffled(using: &self).prefix(flips) { bytes[bit / 8] ^= 1 << UInt8(bit % 8) }
        return Fingerprint(bytes: bytes)!
    }
}

@Suite struct SimilarityIndexTests {
    @Test func chunksAreLittleEndianSlicesOfTheCode() {
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = 0x34; bytes[1] = 0x12; bytes[31] = 0xAB
        let code = Fingerprint(bytes: bytes)!
        let sixteen = ChunkScheme.standard.chunks(of: code)
        #expect(sixteen.count == 16 && sixteen[0] == 0x1234 && sixteen[15] == 0xAB00)
        #expect(ChunkScheme(count: 32)?.chunks(of: code)[31] == 0xAB)
    }

    @Test func probeCountsAreSumsOfBinomials() {
        let s = ChunkScheme.standard
        // C(16,0)+C(16,1)+C(16,2) = 1 + 16 + 120.
        #expect(s.probes(around: 0xBEEF, radius: 2).count == 137)
        #expect(Set(s.probes(around: 0xBEEF, radius: 2)).count == 137)
        #expect(s.probeCount(radius: 2) == 137 && s.probeCount(radius: 0) == 1 && s.probeCount(radius: 16) == 65536)
        #expect(s.probes(around: 0xBEEF, radius: 2).allSatisfy { ($0 ^ 0xBEEF).nonzeroBitCount <= 2 && $0 < 65536 })
    }

    @Test func onlySixteenAndThirtyTwoChunksAreSchemes() {
        #expect(ChunkScheme(count: 8) == nil && ChunkScheme(count: 16) != nil && ChunkScheme(count: 64) == nil)
    }

    @Test(arguments: [(UInt64(1), 16), (2, 32)])
    func searchMatchesBruteForceOnRandomCodes(seed: UInt64, chunks: Int) throws {
        var rng = TestRandom(seed: seed)
        let scheme = try #require(ChunkScheme(count: chunks))
        var index = SimilarityIndex(scheme: scheme)
        var stored: [Fingerprint] = []
        for i in 0..<1500 {
            // Every third code is a near copy of an earlier one, so small radii have answers.
            let code = i % 3 == 2 ? rng.near(stored[Int.random(in: 0..<stored.count, using: &rng)], flips: i % 40) : rng.code()
            stored.append(code)
            index.insert(code, id: i)
        }
        for q in 0..<20 {
            let query = q % 2 == 0 ? rng.near(stored[q * 70], flips: q) : rng.code()
            // The oracle is FolioCore's byte-wise distance, which shares no code with the index.
            let distances = stored.map { query.distance(to: $0) }
            for d in [0, 5, 17, 40, 100] {  // 100 takes the scan path
                let brute = stored.indices.compactMap { i -> (Int, Int)? in
                    distances[i] <= d ? (i, distances[i]) : nil
                }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                let got = index.search(query, within: d)
                #expect(got.map(\.id) == brute.map(\.0) && got.map(\.distance) == brute.map(\.1), "query \(q) d \(d)")
            }
        }
    }

    @Test(arguments: [16, 32])
    func refinedRadiiCoverEveryDistance(chunks: Int) throws {
        let scheme = try #require(ChunkScheme(count: chunks))
        for d in 0...256 {
            let radii = scheme.radii(forDistance: d)
            // A code is missed only if every chunk i is at least radii[i] + 1 away; that must
            // add up to more than d.
            #expect(radii.reduce(0) { $0 + $1 + 1 } == d + 1)
            #expect(radii.allSatisfy { $0 <= scheme.radius(forDistance: d) && $0 >= scheme.radius(forDistance: d) - 1 })
            #expect(scheme.bucketVisits(forDistance: d) <= scheme.count * scheme.probeCount(radius: scheme.radius(forDistance: d)))
        }
    }

    @Test func packedChunksEqualTheSchemeChunksAndMasksComeByWeight() {
        var rng = TestRandom(seed: 21)
        for _ in 0..<50 {
            let code = rng.code()
            for scheme in [ChunkScheme.standard, ChunkScheme(count: 32)!] {
                #expect((0..<scheme.count).map { PackedCode(code).chunk($0, bits: scheme.bits) } == scheme.chunks(of: code))
            }
        }
        for bits in [8, 16] {
            let masks = ChunkMasks.byWeight(bits: bits)
            #expect(masks.count == 1 << bits && Set(masks).count == 1 << bits)
            let scheme = bits == 16 ? ChunkScheme.standard : ChunkScheme(count: 32)!
            for r in 0...4 {
                #expect(masks.prefix(scheme.probeCount(radius: r)).allSatisfy { $0.nonzeroBitCount <= r })
                #expect(masks.dropFirst(scheme.probeCount(radius: r)).allSatisfy { $0.nonzeroBitCount > r })
            }
        }
    }

    /// More codes than the brute-force test above, at the distances B15 queries at (16, 24,
    /// 32), the provisional thresholds of docs/fingerprint.md (duplicate 32, similar 54), the
    /// testnet genesis files' (24, 64) and the chain test builder's (16, 40), all on the probing
    /// path. 20,001 codes inserted one by one leave the last 1,560 unindexed, so the scan of the
    /// waiting codes is checked too.
    /// With `popcount` false the chunk tables' scan uses the portable bit count even where the
    /// processor has POPCNT, so both of the C scan's variants are checked on this machine.
    @Test(arguments: [true, false])
    func searchMatchesBruteForceAtBenchmarkAndChainDistances(popcount: Bool) {
        var rng = TestRandom(seed: 3)
        var index = SimilarityIndex()
        index.usesPopcountInstruction = popcount
        #expect(index.usesPopcountInstruction == (popcount && SimilarityIndex.processorHasPopcount))
        var stored: [Fingerprint] = []
        for i in 0..<20001 {
            let code = i % 4 == 3 ? rng.near(stored[Int.random(in: 0..<stored.count, using: &rng)], flips: i % 70) : rng.code()
            stored.append(code)
            index.insert(code, id: i % 7 == 0 ? i / 7 : i)  // some ids repeat
        }
        #expect(index.unindexedCount > 0 && index.unindexedCount < stored.count)
        let ids = (0..<stored.count).map { $0 % 7 == 0 ? $0 / 7 : $0 }
        for q in 0..<12 {
            let query = rng.near(stored[q * 1500 + 3], flips: q * 5)
            let distances = stored.map { query.distance(to: $0) }
            for d in [16, 24, 32, 40, 54, 64] {
                #expect(ChunkScheme.standard.bucketVisits(forDistance: d) < stored.count)
                let brute = stored.indices.compactMap { i -> (Int, Int)? in
                    distances[i] <= d ? (ids[i], distances[i]) : nil
                }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                let got = index.search(query, within: d)
                #expect(got.map(\.id) == brute.map(\.0) && got.map(\.distance) == brute.map(\.1), "query \(q) d \(d)")
            }
        }
    }

    @Test func negativeDistanceFindsNothingAndFullDistanceFindsAll() {
        var rng = TestRandom(seed: 9)
        var index = SimilarityIndex()
        for i in 0..<10 { index.insert(rng.code(), id: i) }
        let query = rng.code()
        #expect(index.search(query, within: -1).isEmpty)
        #expect(index.search(query, within: 256).count == 10)
    }
}

@Suite struct PackedCodeTests {
    @Test func packedDistanceEqualsTheByteWiseDistance() {
        var rng = TestRandom(seed: 4)
        for flips in [0, 1, 63, 64, 65, 200, 256] {
            let a = rng.code(), b = rng.near(a, flips: flips)
            #expect(PackedCode(a).distance(to: PackedCode(b)) == flips)
            #expect(a.distance(to: b) == flips)
        }
    }
}

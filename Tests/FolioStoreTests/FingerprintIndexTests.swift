import FolioCore
@testable import FolioStore
import FolioTestSupport
import Testing

/// The chunk index against brute force, and the pigeonhole edge cases worked by hand.
@Suite struct FingerprintIndexTests {
    @Test func probesWithinRadiusTwoAreOnePlusSixteenPlusOneHundredTwentyDistinctValues() {
        let probes = FingerprintChunks.probes(around: 0x1234, radius: 2)
        #expect(probes.count == 137)
        #expect(Set(probes).count == 137)
        #expect(probes.allSatisfy { ($0 ^ 0x1234).nonzeroBitCount <= 2 })
    }

    @Test func chunksAreLittleEndianBytePairs() {
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = 0x34
        bytes[1] = 0x12
        bytes[31] = 0xAB
        let chunks = FingerprintChunks.chunks(of: Fixture.fingerprint(bytes))
        #expect(chunks[0] == 0x1234)
        #expect(chunks[15] == 0xAB00)
    }

    @Test(arguments: StoreKind.allCases)
    func oneBitInEveryChunkIsFoundAtSixteenButNotFifteen(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let zero = Fixture.fingerprint([UInt8](repeating: 0, count: 32))
        let work = Fixture.work("zero", fingerprint: zero, owners: [Ownership(owner: Fixture.alice, share: 100_000_000)])
        var changes = StateChanges()
        changes.works[work.id] = work
        try Fixture.connect(store, Fixture.block(height: 0, parent: .zero), changes: changes)
        // Bit 0 of every 16-bit chunk: bytes 0, 2, 4, … 30 are 0x01; sixteen bits differ.
        let spread = Fixture.fingerprint((0..<32).map { $0 % 2 == 0 ? 1 : 0 })
        #expect(try store.works(near: spread, within: 16) == [SimilarWork(workId: work.id, distance: 16)])
        #expect(try store.works(near: spread, within: 15) == [])
        // Twenty bits packed into the first two chunks: 0xFF, 0xFF, 0x0F.
        let packed = Fixture.fingerprint([0xFF, 0xFF, 0x0F] + [UInt8](repeating: 0, count: 29))
        #expect(try store.works(near: packed, within: 20) == [SimilarWork(workId: work.id, distance: 20)])
        #expect(try store.works(near: packed, within: 19) == [])
    }

    @Test(arguments: StoreKind.allCases)
    func indexAnswersEqualBruteForceOnRandomCodes(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        var random = SeededGenerator(seed: 0xF011_0000 + UInt64(kind == .memory ? 1 : 2))
        var codes: [Fingerprint] = []
        for _ in 0..<300 { codes.append(Self.randomCode(&random)) }
        for index in 0..<150 { codes.append(Self.flip(codes[index], bits: Int.random(in: 0...48, using: &random), &random)) }
        var changes = StateChanges()
        var works: [WorkRecord] = []
        for (index, code) in codes.enumerated() {
            let work = Fixture.work("w\(index)", fingerprint: code, owners: [Ownership(owner: Fixture.alice, share: 100_000_000)])
            works.append(work)
            changes.works[work.id] = work
        }
        try Fixture.connect(store, Fixture.block(height: 0, parent: .zero), changes: changes)

        for round in 0..<25 {
            let query = Self.flip(codes[round * 7 % codes.count], bits: round % 24, &random)
            for distance in [0, 3, 15, 16, 17, 31, 32, 47] {
                let expected = works.compactMap { work -> SimilarWork? in
                    let bits = work.registration.fingerprint.distance(to: query)
                    return bits <= distance ? SimilarWork(workId: work.id, distance: bits) : nil
                }.sorted()
                #expect(try store.works(near: query, within: distance) == expected, "round \(round) distance \(distance)")
            }
        }
    }

    /// Sum of C(16, k), k ≤ r, by hand: 1; 1 + 16; + 120 = 137; + 560 = 697; + 1,820 = 2,517.
    @Test func probeCountsAreSumsOfBinomials() {
        #expect((0...4).map(FingerprintChunks.probeCount(radius:)) == [1, 17, 137, 697, 2_517])
        #expect(FingerprintChunks.probeCount(radius: 16) == 65_536)
        #expect(FingerprintChunks.probeCount(radius: 3) == FingerprintChunks.probes(around: 0xBEEF, radius: 3).count)
    }

    /// The SQLite store probes the chunk index or scans, whichever is cheaper for the registry's
    /// size; each plan, pinned, must give brute force's answer, at the radius-3 distance of
    /// the similarity gate (54) and beyond the probe batch (radius 4: 2,517 values a chunk is
    /// within one batch, so radius 5's 6,885 is used to split into batches).
    @Test(arguments: [SimilarityPlan.probe, .scan, .automatic])
    func eachSQLitePlanAnswersAsBruteForce(plan: SimilarityPlan) throws {
        let directory = try TemporaryDirectory(prefix: "folio-store")
        defer { directory.remove() }
        let store = try SQLiteChainStore(path: directory.url.appendingPathComponent("chain.sqlite").path)
        var random = SeededGenerator(seed: 0x5EA2_C400)
        var codes: [Fingerprint] = []
        for _ in 0..<120 { codes.append(Self.randomCode(&random)) }
        for index in 0..<60 { codes.append(Self.flip(codes[index], bits: Int.random(in: 0...90, using: &random), &random)) }
        var changes = StateChanges()
        var works: [WorkRecord] = []
        for (index, code) in codes.enumerated() {
            let work = Fixture.work("p\(index)", fingerprint: code, owners: [Ownership(owner: Fixture.alice, share: 100_000_000)])
            works.append(work)
            changes.works[work.id] = work
        }
        try Fixture.connect(store, Fixture.block(height: 0, parent: .zero), changes: changes)
        for round in 0..<6 {
            let query = Self.flip(codes[round * 11 % codes.count], bits: round * 9, &random)
            for distance in [24, 54, 80, 95] {
                let expected = works.compactMap { work -> SimilarWork? in
                    let bits = work.registration.fingerprint.distance(to: query)
                    return bits <= distance ? SimilarWork(workId: work.id, distance: bits) : nil
                }.sorted()
                #expect(!expected.isEmpty || distance < 54, "round \(round): the flipped code is within \(distance)")
                #expect(try store.works(near: query, within: distance, plan: plan) == expected, "round \(round) distance \(distance)")
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func revertingARegistrationRemovesItFromTheIndex(kind: StoreKind) throws {
        let subject = try StoreUnderTest(kind)
        defer { withExtendedLifetime(subject) {} }
        let store = subject.store
        let genesis = Fixture.block(height: 0, parent: .zero)
        try Fixture.connect(store, genesis)
        let code = Fixture.fingerprint([UInt8](repeating: 0x3C, count: 32))
        let work = Fixture.work("gone", fingerprint: code, owners: [Ownership(owner: Fixture.bob, share: 100_000_000)])
        var changes = StateChanges()
        changes.works[work.id] = work
        var undo = StateChanges()
        undo.works.updateValue(nil, forKey: work.id)
        let one = Fixture.block(height: 1, parent: genesis.id)
        try Fixture.connect(store, one, changes: changes, undo: undo)
        #expect(try store.works(near: code, within: 8).map(\.workId) == [work.id])
        try store.apply([.disconnect(blockId: one.id)])
        #expect(try store.works(near: code, within: 8) == [])
        #expect(try store.works(ownedBy: Fixture.bob) == [])
    }

    static func randomCode(_ random: inout SeededGenerator) -> Fingerprint {
        Fixture.fingerprint((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
    }

    static func flip(_ code: Fingerprint, bits: Int, _ random: inout SeededGenerator) -> Fingerprint {
        var bytes = code.bytes
        var positions = Set<Int>()
        while positions.count < bits { positions.insert(Int.random(in: 0..<256, using: &random)) }
        for bit in positions { bytes[bit / 8] ^= UInt8(1) << UInt8(bit % 8) }
        return Fixture.fingerprint(bytes)
    }
}

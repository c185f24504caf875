import FolioCore
import Testing
@testable import FolioPoA

/// The engine's snapshot cache stays bounded: checkpoints for good, other blocks in a ring.
struct SnapshotCacheTests {
    static func id(_ number: Int) -> Hash256 {
        var bytes = [UInt8](repeating: 0, count: 32)
        withUnsafeBytes(of: UInt64(number).littleEndian) { bytes.replaceSubrange(0..<8, with: $0) }
        return Hash256(bytes: bytes) ?? .zero
    }

    static let snapshot = AuthoritySnapshot(genesisAuthorities: [Key.A.publicKey])

    @Test func theRingKeepsTheNewestAndDropsTheOldest() {
        var cache = SnapshotCache()
        let capacity = SnapshotCache.recentCapacity
        for number in 0..<(capacity + 100) { cache.insert(Self.snapshot, for: Self.id(number), checkpoint: false) }
        #expect(cache.count == capacity)
        // The first 100 went, the rest stayed.
        #expect(cache[Self.id(0)] == nil && cache[Self.id(99)] == nil)
        #expect(cache[Self.id(100)] != nil && cache[Self.id(capacity + 99)] != nil)
    }

    @Test func checkpointsOutliveAnyNumberOfRecentSnapshots() {
        var cache = SnapshotCache()
        cache.insert(Self.snapshot, for: Self.id(1_000_000), checkpoint: true)
        for number in 0..<(3 * SnapshotCache.recentCapacity) { cache.insert(Self.snapshot, for: Self.id(number), checkpoint: false) }
        #expect(cache[Self.id(1_000_000)] != nil)
        #expect(cache.count == SnapshotCache.recentCapacity + 1)
    }

    @Test func reinsertingAnIdTakesNoSecondPlace() {
        var cache = SnapshotCache()
        for _ in 0..<10 { cache.insert(Self.snapshot, for: Self.id(7), checkpoint: false) }
        for number in 0..<(SnapshotCache.recentCapacity - 1) { cache.insert(Self.snapshot, for: Self.id(1000 + number), checkpoint: false) }
        // 1 + 511 ids fill the ring exactly, so id 7 is still there.
        #expect(cache[Self.id(7)] != nil && cache.count == SnapshotCache.recentCapacity)
    }

    /// Verifying every block of a 1,100-block chain used to leave a snapshot per block.
    @Test func anEngineVerifyingALongChainHoldsBoundedSnapshots() throws {
        var chain = try PoATestChain([.A])
        for _ in 0..<1_100 {
            let header = try chain.child(sealer: .A)
            try chain.verify(header)
            chain.builder.view.add(header, votes: [])
        }
        _ = try chain.engine.snapshot(at: chain.tip, chain: chain.builder.view)
        // Genesis and height 1024 are checkpoints; the rest are the ring's.
        #expect(chain.engine.cachedSnapshotCount == SnapshotCache.recentCapacity + 2)
    }
}

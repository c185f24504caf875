import FolioCore
import Testing
@testable import FolioFingerprint
@testable import FolioStore

/// The chain's near-duplicate gate asks FolioStore's SQLite chunk tables, which may not import
/// FolioFingerprint and so repeat the split in `FingerprintChunks`. The two must cut a code the
/// same way, and FolioStore's per-chunk radius must reach at least as far as the refined radii
/// `SimilarityIndex` probes, so both find every code within d.
@Suite struct ChunkSplitAgreementTests {
    @Test func storeAndIndexCutCodesIntoTheSameChunks() {
        var rng = TestRandom(seed: 41)
        #expect(FingerprintChunks.count == ChunkScheme.standard.count && FingerprintChunks.bits == ChunkScheme.standard.bits)
        for _ in 0..<200 {
            let code = rng.code()
            #expect(FingerprintChunks.chunks(of: code).map(UInt32.init) == ChunkScheme.standard.chunks(of: code))
        }
    }

    @Test func storeRadiusCoversTheRefinedRadii() {
        for d in 0...256 {
            let store = FingerprintChunks.radius(for: d)
            #expect(ChunkScheme.standard.radii(forDistance: d).allSatisfy { $0 <= store }, "d \(d)")
            #expect(Set(FingerprintChunks.probes(around: 0x5A3C, radius: min(store, 4)).map(UInt32.init))
                == Set(ChunkScheme.standard.probes(around: 0x5A3C, radius: min(store, 4))))
        }
    }
}

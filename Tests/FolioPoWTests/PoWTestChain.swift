import FolioConsensus
import FolioCore
import FolioTestSupport
@testable import FolioPoW

/// A proof-of-work test chain: genesis at `t0`, spacing 60 s, half-life 600 s.
struct PoWTestChain {
    static let t0: Int64 = 1_700_000_000

    var builder: HeaderChainBuilder
    let engine: ProofOfWorkEngine

    init(initialBits: UInt32 = 0x207f_ffff) throws {
        let params = try HeaderChainBuilder.params(
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 60, halfLifeSeconds: 600, initialBits: initialBits)),
            genesisTimestamp: Self.t0)
        builder = HeaderChainBuilder(params: params, spacing: 60)
        guard let engine = ProofOfWorkEngine(chain: params) else { throw TestSetupError.notProofOfWork }
        self.engine = engine
    }

    /// A child of the tip with the expected bits and a nonce that meets (or, with
    /// `failing`, misses) the target, found by trying nonces in order.
    func child(failing: Bool = false, adjust: (inout BlockHeader) -> Void = { _ in }) -> BlockHeader {
        let parent = builder.view.tip
        var header = builder.draft(after: parent)
        let bits = engine.expectedBits(after: parent)
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: bits))
        adjust(&header)
        guard case var .proofOfWork(seal) = header.seal, let target = CompactTarget.target(from: seal.bits) else { return header }
        for nonce in UInt64(0)..<10_000 {
            seal.nonce = nonce
            header.seal = .proofOfWork(seal)
            if (header.proofOfWorkValue <= target) != failing { break }
        }
        return header
    }
}

enum TestSetupError: Error { case notProofOfWork }

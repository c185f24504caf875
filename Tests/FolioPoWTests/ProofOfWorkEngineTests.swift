import FolioConsensus
import FolioCore
import FolioCrypto
import Testing
@testable import FolioPoW

@Suite struct ProofOfWorkEngineTests {
    let now = PoWTestChain.t0 + 10_000

    private func verify(_ chain: PoWTestChain, _ header: BlockHeader, now: Int64? = nil) throws(ValidationError) {
        try chain.engine.verifyHeader(header, parent: chain.builder.view.tip, chain: chain.builder.view, now: now ?? self.now)
    }

    @Test func engineNameMatchesGenesisSpelling() throws {
        #expect(try PoWTestChain().engine.name == "pow")
    }

    /// Equal work keeps the tip seen first, as in Bitcoin: a withheld block cannot win a tie.
    @Test func equalWorkKeepsTheTipSeenFirst() throws {
        #expect(try PoWTestChain().engine.tieBreak == .firstSeen)
    }

    @Test func headerMeetingItsTargetIsAccepted() throws {
        let chain = try PoWTestChain()
        try verify(chain, chain.child())
    }

    @Test func hashAboveTargetIsBadSeal() throws {
        let chain = try PoWTestChain()
        let header = chain.child(failing: true)
        #expect(throws: ValidationError(reason: "bad-seal", owner: .peer)) { try verify(chain, header) }
    }

    @Test func bitsOtherThanTheScheduleIsBadTarget() throws {
        let chain = try PoWTestChain()
        let header = chain.child { header in header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x207f_fffe)) }
        #expect(throws: ValidationError(reason: "bad-target", owner: .peer)) { try verify(chain, header) }
    }

    @Test func negativeCompactBitsIsBadTarget() throws {
        let chain = try PoWTestChain()
        var header = chain.child()
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x20ff_ffff))
        #expect(throws: ValidationError(reason: "bad-target", owner: .peer)) { try verify(chain, header) }
    }

    @Test func timestampSixteenSecondsAheadIsTimeTooNew() throws {
        let chain = try PoWTestChain()
        let header = chain.child { $0.timestamp = PoWTestChain.t0 + 500 }
        #expect(throws: ValidationError(reason: "time-too-new", owner: .localPolicy)) {
            try verify(chain, header, now: PoWTestChain.t0 + 484)
        }
        try verify(chain, header, now: PoWTestChain.t0 + 485)
    }

    @Test func timestampAtTheMedianIsTimeTooOld() throws {
        let chain = try PoWTestChain()
        let header = chain.child { $0.timestamp = PoWTestChain.t0 }
        #expect(throws: ValidationError(reason: "time-too-old", owner: .peer)) { try verify(chain, header) }
    }

    @Test func authoritySealOnAPoWChainIsWrongSealKind() throws {
        let chain = try PoWTestChain()
        var header = chain.child()
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(
            authority: try PublicKey(bytes: [UInt8](repeating: 1, count: 32)),
            signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))))
        #expect(throws: ValidationError(reason: "wrong-seal-kind", owner: .peer)) { try verify(chain, header) }
    }

    @Test func scoreIsTheWorkOfTheHeadersOwnBits() throws {
        let chain = try PoWTestChain(initialBits: 0x1d00_ffff)
        var header = chain.builder.draft(after: chain.builder.view.tip)
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x1d00_ffff))
        let score = try chain.engine.score(of: header, parent: chain.builder.view.tip, chain: chain.builder.view)
        #expect(score == ChainWork(4_295_032_833))
    }
}

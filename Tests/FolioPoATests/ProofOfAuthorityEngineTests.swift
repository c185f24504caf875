import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoA

/// Authorities A, B, C (N = 3, period 5 s): height h is authorities[h mod 3]'s turn, so B
/// at 1, C at 2, A at 3; each must sit out floor(3/2) = 1 block after sealing.
@Suite struct ProofOfAuthorityEngineTests {
    @Test func engineNameMatchesGenesisSpelling() throws {
        #expect(try PoATestChain([.A]).engine.name == "poa")
    }

    @Test func inTurnBlockAfterThePeriodIsAccepted() throws {
        let chain = try PoATestChain([.A, .B, .C])
        try chain.verify(try chain.child(sealer: .B))
    }

    @Test func signatureByAnotherKeyIsBadSeal() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let header = try chain.child(sealer: .B, signer: .C)
        #expect(throws: ValidationError(reason: "bad-seal", owner: .peer)) { try chain.verify(header) }
    }

    @Test func keyOutsideTheSetIsNotAuthority() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let header = try chain.child(sealer: .E, delay: 6)
        #expect(throws: ValidationError(reason: "not-authority", owner: .peer)) { try chain.verify(header) }
    }

    @Test func sealingTwoBlocksInARowIsRecentlySigned() throws {
        var chain = try PoATestChain([.A, .B, .C])
        try chain.add(sealer: .B)
        let again = try chain.child(sealer: .B, delay: 6)
        #expect(throws: ValidationError(reason: "recently-signed", owner: .peer)) { try chain.verify(again) }
    }

    @Test func sealingAgainAfterSittingOutOneBlockIsAccepted() throws {
        var chain = try PoATestChain([.A, .B, .C])
        try chain.add(sealer: .B)
        try chain.add(sealer: .C)
        try chain.verify(try chain.child(sealer: .B, delay: 6))
    }

    @Test func inTurnBlockBeforeThePeriodIsTooSoon() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let header = try chain.child(sealer: .B, delay: 4)
        #expect(throws: ValidationError(reason: "too-soon", owner: .peer)) { try chain.verify(header) }
    }

    @Test func outOfTurnBlockWithinTheGraceSecondIsOutOfTurnTooSoon() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let header = try chain.child(sealer: .A, delay: 5)
        #expect(throws: ValidationError(reason: "out-of-turn-too-soon", owner: .peer)) { try chain.verify(header) }
    }

    @Test func outOfTurnBlockAfterTheGraceSecondIsAccepted() throws {
        let chain = try PoATestChain([.A, .B, .C])
        try chain.verify(try chain.child(sealer: .A, delay: 6))
    }

    @Test func timestampPastTheClockWindowIsTimeTooNew() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let header = try chain.child(sealer: .B)
        #expect(throws: ValidationError(reason: "time-too-new", owner: .localPolicy)) {
            try chain.verify(header, now: header.timestamp - 16)
        }
        try chain.verify(header, now: header.timestamp - 15)
    }

    /// After a reorganisation an honest authority may seal at a height it sealed before, on
    /// the other branch: that is no equivocation (rejecting it stalled a 4-node testnet).
    @Test func sealingAtOneHeightOnTwoBranchesIsNotEquivocation() throws {
        var chain = try PoATestChain([.A, .B, .C, .D])
        let genesis = chain.tip
        let p1 = try chain.child(sealer: .A, delay: 6)
        let q1 = try chain.child(of: genesis, sealer: .C, delay: 6)
        try chain.verify(p1)
        try chain.verify(q1, parent: genesis)
        chain.builder.view.add(q1)
        chain.builder.view.add(p1)
        let onP1 = try chain.child(of: p1, sealer: .B, delay: 6)
        let onQ1 = try chain.child(of: q1, sealer: .B, delay: 6)
        try chain.verify(onP1, parent: p1)
        try chain.verify(onQ1, parent: q1)
        #expect(chain.engine.evidence.isEmpty)
        // Two children of one parent by one authority still are.
        let again = try chain.child(of: p1, sealer: .B, delay: 7)
        #expect(throws: ValidationError(reason: "equivocation", owner: .peer)) { try chain.verify(again, parent: p1) }
    }

    @Test func secondBlockByOneAuthorityOnOneParentIsEquivocationWithEvidence() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let first = try chain.child(sealer: .B, delay: 5)
        let second = try chain.child(sealer: .B, delay: 7)
        try chain.verify(first)
        try chain.verify(first)
        #expect(throws: ValidationError(reason: "equivocation", owner: .peer)) { try chain.verify(second) }
        #expect(chain.engine.evidence == [EquivocationEvidence(first: first, second: second, authority: Key.B.publicKey)])
    }

    @Test func inTurnScoresTwoAndOutOfTurnOne() throws {
        let chain = try PoATestChain([.A, .B, .C])
        let inTurn = try chain.engine.score(of: try chain.child(sealer: .B), parent: chain.tip, chain: chain.builder.view)
        let outOfTurn = try chain.engine.score(of: try chain.child(sealer: .C, delay: 6), parent: chain.tip, chain: chain.builder.view)
        #expect(inTurn == ChainWork(2) && outOfTurn == ChainWork(1))
    }

    @Test func snapshotsAreCachedAtCheckpointsSoReplayStopsThere() throws {
        var chain = try PoATestChain([.A])
        for _ in 0..<3 { try chain.add(sealer: .A) }
        let checkpoint = ProofOfAuthority.checkpointInterval
        #expect(checkpoint == 1024)
        let snapshot = try chain.engine.snapshot(at: chain.tip, chain: chain.builder.view)
        #expect(snapshot.height == 3 && snapshot.authorities == [Key.A.publicKey])
    }

    /// Authorities split over two tips of equal weight converge on the lower block id; under
    /// first seen each side's eligible sealers could sit on the other tip and both stall.
    @Test func equalWeightsGoToTheLowerBlockId() throws {
        #expect(try PoATestChain([.A, .B, .C, .D]).engine.tieBreak == .lowerId)
    }
}

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

    @Test func secondBlockByOneAuthorityAtOneHeightIsEquivocationWithEvidence() throws {
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
}

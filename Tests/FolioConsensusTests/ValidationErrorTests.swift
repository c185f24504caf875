import Testing
@testable import FolioConsensus

@Suite struct ValidationErrorTests {
    @Test(arguments: [(FaultOwner.peer, true), (.localPolicy, false), (.local, false)])
    func onlyPeerFaultsPunishThePeer(owner: FaultOwner, punishes: Bool) {
        #expect(ValidationError(reason: "bad-merkle-root", owner: owner).punishesPeer == punishes)
    }

    @Test func descriptionNamesReasonAndOwner() {
        let text = ValidationError(reason: "seal-invalid", owner: .peer).description
        #expect(text.contains("seal-invalid") && text.contains("peer"))
    }

    @Test func reasonCodesAreTheDocumentedStrings() {
        typealias R = ValidationError.Reason
        #expect([R.badSeal, R.badTarget, R.timeTooNew, R.timeTooOld, R.outOfTurnTooSoon, R.notAuthority,
                 R.recentlySigned, R.equivocation]
            == ["bad-seal", "bad-target", "time-too-new", "time-too-old", "out-of-turn-too-soon",
                "not-authority", "recently-signed", "equivocation"])
    }
}

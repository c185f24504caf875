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
}

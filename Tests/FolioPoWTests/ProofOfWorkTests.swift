import Testing
@testable import FolioPoW

@Suite struct ProofOfWorkTests {
    @Test func engineNameMatchesGenesisSpelling() {
        #expect(ProofOfWork.engineName == "pow")
    }
}

import Testing
@testable import FolioPoA

@Suite struct ProofOfAuthorityTests {
    @Test func engineNameMatchesGenesisSpelling() {
        #expect(ProofOfAuthority.engineName == "poa")
    }
}

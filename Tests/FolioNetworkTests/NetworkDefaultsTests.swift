import Testing
@testable import FolioNetwork
import FolioAPI

@Suite struct NetworkDefaultsTests {
    @Test func p2pPortDiffersFromRPCPort() {
        #expect(NetworkDefaults.p2pPort != RPCDefaults.rpcPort)
    }
}

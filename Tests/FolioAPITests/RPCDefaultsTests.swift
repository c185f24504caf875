import Testing
@testable import FolioAPI

@Suite struct RPCDefaultsTests {
    @Test func rpcPortIsUnprivileged() {
        #expect(RPCDefaults.rpcPort > 1024)
    }
}

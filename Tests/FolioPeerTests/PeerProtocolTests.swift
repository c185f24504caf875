import Testing
@testable import FolioPeer

@Suite struct PeerProtocolTests {
    @Test func speaksVersionOne() {
        #expect(PeerProtocol.version == 1)
    }
}

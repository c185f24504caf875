import Testing
@testable import FolioWire

@Suite struct WireLimitsTests {
    @Test func payloadCapIsFourMebibytes() {
        #expect(WireLimits.maxPayloadBytes == 4_194_304)
    }
}

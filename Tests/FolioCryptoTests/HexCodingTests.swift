import Testing
@testable import FolioCrypto

@Suite struct HexCodingTests {
    @Test func roundTripsAllByteValues() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(HexCoding.decode(HexCoding.encode(bytes)) == bytes)
    }

    @Test(arguments: ["0", "zz", "0g", "abc"])
    func rejectsMalformedHex(text: String) {
        #expect(HexCoding.decode(text) == nil)
    }

    @Test func acceptsUpperCase() {
        #expect(HexCoding.decode("DEADbeef") == [0xde, 0xad, 0xbe, 0xef])
    }
}

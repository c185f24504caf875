import FolioCore
import Testing
@testable import FolioWire

@Suite struct FrameHeaderTests {
    // Chain 7: magic 7 XOR 0xF0110A1E = 0xF0110A19, little-endian 19 0a 11 f0.
    static let magic = NetworkMagic(chainId: 7)

    @Test func magicIsChainIdXorFixedPattern() {
        #expect(NetworkMagic(chainId: 7).rawValue == 0xF011_0A19)
        #expect(NetworkMagic(chainId: 0).rawValue == 0xF011_0A1E)
    }

    @Test func pingFrameIsMagicTypeLengthThenPayload() {
        let bytes = Message.ping(PingMessage(nonce: 0x0102_0304_0506_0708)).frame.bytes(magic: Self.magic)
        #expect(HexCoding.encode(bytes) == "190a11f0" + "05" + "08000000" + "0807060504030201")
    }

    @Test func headerDecodesItsFields() throws {
        let header = try FrameHeader.decode(hex("190a11f0 0d 2a000000"), expecting: Self.magic)
        #expect(header == FrameHeader(magic: Self.magic, type: 13, length: 42))
    }

    @Test func fewerThanNineBytesAreNotYetAHeader() throws {
        #expect(try FrameHeader.decode(hex("190a11f0 0d 2a0000"), expecting: Self.magic) == nil)
    }

    @Test func anotherNetworksMagicIsRefused() {
        #expect(throws: WireError.wrongMagic(expected: 0xF011_0A19, actual: 0xF011_0A1E)) {
            try FrameHeader.decode(hex("1e0a11f0 05 08000000"), expecting: Self.magic)
        }
    }

    @Test func lengthAtTheCapIsAccepted() throws {
        // 4 MiB + 16 = 0x00400010.
        let header = try FrameHeader.decode(hex("190a11f0 0c 10004000"), expecting: Self.magic)
        #expect(header?.length == 4_194_320)
    }

    @Test func lengthOneOverTheCapIsRefused() {
        #expect(throws: WireError.frameTooLarge(length: 4_194_321, cap: 4_194_320)) {
            try FrameHeader.decode(hex("190a11f0 0c 11004000"), expecting: Self.magic)
        }
    }

    @Test func lengthsHighByteIsTheNinthByte() {
        // Length bytes 00 00 00 01: 0x01000000, which only the ninth byte makes over the cap.
        #expect(throws: WireError.frameTooLarge(length: 0x0100_0000, cap: 4_194_320)) {
            try FrameHeader.decode(hex("190a11f0 0c 00000001"), expecting: Self.magic)
        }
    }

    @Test func headerIsReadFromASliceInTheMiddleOfAStream() throws {
        // Three bytes of an earlier frame, then the header (type 13, length 0x00012a07), then payload.
        let stream = hex("aabbcc 190a11f0 0d 072a0100 ffee")
        let header = try FrameHeader.decode(stream[3...], expecting: Self.magic)
        #expect(header == FrameHeader(magic: Self.magic, type: 13, length: 0x0001_2a07))
    }

    @Test func maximalLengthFieldIsRefused() {
        #expect(throws: WireError.frameTooLarge(length: UInt32.max, cap: 4_194_320)) {
            try FrameHeader.decode(hex("190a11f0 0c ffffffff"), expecting: Self.magic)
        }
    }

    @Test func unknownTypeByteIsRefusedWhenThePayloadIsDecoded() {
        #expect(throws: WireError.unknownMessageType(0x63)) { try Message(type: 0x63, payload: []) }
        #expect(throws: WireError.unknownMessageType(0)) { try Message(type: 0, payload: []) }
    }
}

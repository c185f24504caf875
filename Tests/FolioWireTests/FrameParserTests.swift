import FolioCore
import Testing
@testable import FolioWire

@Suite struct FrameParserTests {
    static let magic = NetworkMagic(chainId: 7)
    // A ping (nonce 1) then a verack, on chain 7.
    static let stream = hex("190a11f0 05 08000000 0100000000000000" + "190a11f0 04 00000000")
    static let expected = [Frame(type: 5, payload: hex("0100000000000000")), Frame(type: 4, payload: [])]

    @Test func allBytesAtOnceGiveBothFrames() throws {
        var parser = FrameParser(magic: Self.magic)
        parser.append(Self.stream)
        #expect(try drain(&parser) == Self.expected)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func oneByteAtATimeGivesBothFramesOnlyWhenComplete() throws {
        var parser = FrameParser(magic: Self.magic)
        var frames: [Frame] = []
        for (index, byte) in Self.stream.enumerated() {
            parser.append([byte])
            let got = try drain(&parser)
            // The ping completes at byte 17, the verack at byte 26.
            #expect(got.isEmpty == !(index == 16 || index == 25))
            frames += got
        }
        #expect(frames == Self.expected)
    }

    @Test func oversizeLengthFailsAsSoonAsTheHeaderIsIn() {
        var parser = FrameParser(magic: Self.magic)
        parser.append(hex("190a11f0 0c ffffff7f"))
        #expect(throws: WireError.frameTooLarge(length: 0x7fff_ffff, cap: WireLimits.maxFrameLength)) {
            try parser.next()
        }
    }

    @Test func truncatedFrameWaitsForMoreBytes() throws {
        var parser = FrameParser(magic: Self.magic)
        parser.append(hex("190a11f0 05 08000000 01000000000000"))
        #expect(try parser.next() == nil)
        #expect(parser.bufferedByteCount == 16)
    }

    private func drain(_ parser: inout FrameParser) throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try parser.next() { frames.append(frame) }
        return frames
    }
}

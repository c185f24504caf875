import FolioWire
import NIOCore
import NIOEmbedded
import Testing
@testable import FolioNetwork

@Suite struct FrameDecoderTests {
    static let magic = NetworkMagic(chainId: 7)
    // A ping (nonce 0x0102…08), a verack, and a headers frame with an empty list (payload 00),
    // all on chain 7 (magic bytes 19 0a 11 f0).
    static let stream: [UInt8] = [
        0x19, 0x0a, 0x11, 0xf0, 0x05, 0x08, 0x00, 0x00, 0x00, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
        0x19, 0x0a, 0x11, 0xf0, 0x04, 0x00, 0x00, 0x00, 0x00,
        0x19, 0x0a, 0x11, 0xf0, 0x08, 0x01, 0x00, 0x00, 0x00, 0x00,
    ]
    static let frames = [
        Frame(type: 5, payload: [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]),
        Frame(type: 4, payload: []),
        Frame(type: 8, payload: [0x00]),
    ]

    func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(magic: Self.magic)))
        return channel
    }

    func feed(_ chunks: [[UInt8]], into channel: EmbeddedChannel) throws -> [Frame] {
        var frames: [Frame] = []
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
            while let frame = try channel.readInbound(as: Frame.self) { frames.append(frame) }
        }
        return frames
    }

    @Test func allBytesAtOnceGiveEveryFrame() throws {
        let channel = try channel()
        #expect(try feed([Self.stream], into: channel) == Self.frames)
        #expect(try channel.finish().isClean)
    }

    @Test func oneByteAtATimeGivesEveryFrame() throws {
        let channel = try channel()
        #expect(try feed(Self.stream.map { [$0] }, into: channel) == Self.frames)
        #expect(try channel.finish().isClean)
    }

    @Test(arguments: [1, 2, 3, 42, 1_000])
    func randomChunksGiveEveryFrame(seed: UInt64) throws {
        var generator = ChunkSizes(state: seed)
        var chunks: [[UInt8]] = []
        var rest = Self.stream[...]
        while !rest.isEmpty {
            let size = Int(generator.next() % 7) + 1
            chunks.append(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        let channel = try channel()
        #expect(try feed(chunks, into: channel) == Self.frames)
        #expect(try channel.finish().isClean)
    }

    @Test func oversizeLengthIsRefusedFromTheHeaderAlone() throws {
        let channel = try channel()
        // Length 0x7fffffff: refused after the 9 header bytes, with no payload sent at all.
        #expect(throws: WireError.frameTooLarge(length: 0x7fff_ffff, cap: WireLimits.maxFrameLength)) {
            try channel.writeInbound(ByteBuffer(bytes: [0x19, 0x0a, 0x11, 0xf0, 0x0c, 0xff, 0xff, 0xff, 0x7f]))
        }
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test func wrongMagicIsRefused() throws {
        let channel = try channel()
        #expect(throws: WireError.wrongMagic(expected: 0xF011_0A19, actual: 0x2054_4547)) {
            // "GET " from a stray HTTP client: bytes 47 45 54 20, read little-endian.
            try channel.writeInbound(ByteBuffer(bytes: Array("GET / HTTP/1.1\r\n".utf8)))
        }
    }

    @Test func truncatedFrameYieldsNothingUntilItsLastByteArrives() throws {
        let channel = try channel()
        #expect(try feed([Array(Self.stream.prefix(16))], into: channel).isEmpty)
        #expect(try feed([[Self.stream[16]]], into: channel) == [Self.frames[0]])
    }

    @Test func encoderWritesHeaderThenPayload() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(FrameEncoder(magic: Self.magic)))
        try channel.writeOutbound(Self.frames[0])
        let written = try channel.readOutbound(as: ByteBuffer.self)
        #expect(written.map { Array($0.readableBytesView) } == Array(Self.stream.prefix(17)))
    }

    @Test func encoderWritesTheHeaderFieldsLittleEndianBeforeALargePayload() throws {
        // 70,000 = 0x00011170: length bytes 70 11 01 00.
        let payload = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var out = ByteBuffer()
        try FrameEncoder(magic: Self.magic).encode(data: Frame(type: 12, payload: payload), out: &out)
        #expect(Array(out.readableBytesView) == [0x19, 0x0a, 0x11, 0xf0, 0x0c, 0x70, 0x11, 0x01, 0x00] + payload)
        #expect(try FrameDecoder.nextFrame(from: &out, magic: Self.magic) == Frame(type: 12, payload: payload))
        #expect(out.readableBytes == 0)
    }
}

/// A seeded linear congruential generator (Knuth's MMIX constants) so chunk sizes are
/// reproducible; quality is no concern here.
struct ChunkSizes {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}

import FolioWire
import NIOCore

/// Cuts the TCP byte stream into frames. The 9-byte header is checked (magic, length cap)
/// before any payload byte is waited for, so an oversize length closes the connection having
/// buffered no more than the peer already sent; a whole frame is copied out only once all its
/// bytes are in.
package struct FrameDecoder: ByteToMessageDecoder {
    package typealias InboundOut = Frame

    /// The network whose frames are accepted.
    package let magic: NetworkMagic

    /// A decoder for network `magic`.
    package init(magic: NetworkMagic) { self.magic = magic }

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try Self.nextFrame(from: &buffer, magic: magic) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    package mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while let frame = try Self.nextFrame(from: &buffer, magic: magic) {
            context.fireChannelRead(wrapInboundOut(frame))
        }
        return .needMoreData
    }

    /// Takes one whole frame off the front of `buffer`, or nothing if it is not all there yet.
    package static func nextFrame(from buffer: inout ByteBuffer, magic: NetworkMagic) throws(WireError) -> Frame? {
        guard let header = try FrameHeader.decode(buffer.readableBytesView, expecting: magic) else { return nil }
        let length = Int(header.length)
        guard buffer.readableBytes >= FrameHeader.byteCount + length else { return nil }
        buffer.moveReaderIndex(forwardBy: FrameHeader.byteCount)
        guard let payload = buffer.readBytes(length: length) else { return nil }
        return Frame(type: header.type, payload: payload)
    }
}

/// Writes frames as header then payload.
package struct FrameEncoder: MessageToByteEncoder {
    package typealias OutboundIn = Frame

    /// The network whose magic every frame carries.
    package let magic: NetworkMagic

    /// An encoder for network `magic`.
    package init(magic: NetworkMagic) { self.magic = magic }

    /// Writes the header's fields straight into `out` (the layout of `FrameHeader.bytes`, with
    /// no 9-byte array per frame), then the payload, after making room for both at once.
    package func encode(data: Frame, out: inout ByteBuffer) throws {
        let header = data.header(magic: magic)
        out.reserveCapacity(minimumWritableBytes: FrameHeader.byteCount + data.payload.count)
        out.writeInteger(header.magic.rawValue, endianness: .little)
        out.writeInteger(header.type)
        out.writeInteger(header.length, endianness: .little)
        out.writeBytes(data.payload)
    }
}

import FolioCore

/// Cuts a byte stream into frames without I/O: append bytes as they arrive, then take frames
/// out. The header is checked (magic, length cap) as soon as its 9 bytes are in, so a hostile
/// length fails before its payload is waited for or stored.
package struct FrameParser: Sendable {
    /// The network whose magic every frame must carry.
    package let magic: NetworkMagic
    private var buffer: [UInt8] = []
    private var start = 0

    /// A parser for frames of network `magic`.
    package init(magic: NetworkMagic) { self.magic = magic }

    /// Bytes received but not yet returned as part of a frame.
    package var bufferedByteCount: Int { buffer.count - start }

    /// Adds bytes read from the peer.
    package mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, nil when more bytes are needed; throws on a bad header, after
    /// which the stream cannot be resynchronised and the connection must close.
    package mutating func next() throws(WireError) -> Frame? {
        let unread = buffer[start...]
        guard let header = try FrameHeader.decode(unread, expecting: magic) else { return nil }
        let total = FrameHeader.byteCount + Int(header.length)
        guard unread.count >= total else { return nil }
        let payloadStart = start + FrameHeader.byteCount
        let payload = Array(buffer[payloadStart..<payloadStart + Int(header.length)])
        start += total
        return Frame(type: header.type, payload: payload)
    }
}

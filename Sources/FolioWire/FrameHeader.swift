import FolioCore

/// The 9 bytes before every payload: network magic (UInt32 LE), message type (1 byte) and
/// payload length (UInt32 LE).
///
/// Decoding checks the magic and the length cap from these 9 bytes alone, so a hostile length
/// is refused before a single payload byte is buffered. There is no checksum: after the
/// handshake every payload is sealed by ChaCha20-Poly1305 with this header as associated data,
/// which detects corruption and tampering alike; the only clear payload is a `hello`, whose
/// tampering breaks the signatures that follow.
package struct FrameHeader: Hashable, Sendable {
    /// Size of an encoded header.
    package static let byteCount = 9

    /// The network this frame belongs to.
    package var magic: NetworkMagic
    /// The message type's raw byte (checked against `MessageType` when the payload is decoded).
    package var type: UInt8
    /// Bytes of payload that follow the header.
    package var length: UInt32

    /// Creates a header from its fields.
    package init(magic: NetworkMagic, type: UInt8, length: UInt32) {
        self.magic = magic
        self.type = type
        self.length = length
    }

    /// The 9 header bytes.
    package var bytes: [UInt8] {
        var writer = CanonicalWriter(capacity: Self.byteCount)
        writer.write(magic.rawValue)
        writer.write(type)
        writer.write(length)
        return writer.finish()
    }

    /// Decodes the first 9 bytes of `bytes`, refusing another network's magic and any length
    /// over `WireLimits.maxFrameLength`. Returns nil when fewer than 9 bytes are given.
    /// Reads the bytes where they are: every frame passes through here, so it allocates nothing.
    package static func decode<Bytes: Collection>(
        _ bytes: Bytes, expecting magic: NetworkMagic
    ) throws(WireError) -> FrameHeader? where Bytes.Element == UInt8 {
        guard bytes.count >= byteCount else { return nil }
        // Bytes 0..<8 little-endian in one word (magic, type, three length bytes), byte 8 apart.
        var word: UInt64 = 0
        var last: UInt8 = 0
        var index = 0
        for byte in bytes.prefix(byteCount) {
            if index < 8 { word |= UInt64(byte) << (8 * UInt64(index)) } else { last = byte }
            index += 1
        }
        let actual = UInt32(truncatingIfNeeded: word)
        guard actual == magic.rawValue else { throw .wrongMagic(expected: magic.rawValue, actual: actual) }
        let length = UInt32(truncatingIfNeeded: word >> 40) | UInt32(last) << 24
        guard Int(length) <= WireLimits.maxFrameLength else {
            throw .frameTooLarge(length: length, cap: WireLimits.maxFrameLength)
        }
        return FrameHeader(magic: magic, type: UInt8(truncatingIfNeeded: word >> 32), length: length)
    }
}

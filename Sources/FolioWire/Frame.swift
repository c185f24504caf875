import FolioCore

/// One frame as it crossed the wire: the type byte and the payload, which is a message's
/// canonical bytes for a `hello` and sealed bytes after the handshake.
package struct Frame: Hashable, Sendable {
    /// The header's type byte.
    package var type: UInt8
    /// The payload bytes (already checked against the length cap).
    package var payload: [UInt8]

    /// Creates a frame.
    package init(type: UInt8, payload: [UInt8]) {
        self.type = type
        self.payload = payload
    }

    /// The header for this frame on network `magic`.
    package func header(magic: NetworkMagic) -> FrameHeader {
        FrameHeader(magic: magic, type: type, length: UInt32(truncatingIfNeeded: payload.count))
    }

    /// Header and payload, ready to write.
    package func bytes(magic: NetworkMagic) -> [UInt8] {
        header(magic: magic).bytes + payload
    }
}

import FolioCore

/// Answers a ping. Payload: the ping's nonce (UInt64 LE).
package struct PongMessage: WireMessage {
    package static let messageType = MessageType.pong
    /// The nonce of the ping being answered.
    package var nonce: UInt64

    /// Creates a pong.
    package init(nonce: UInt64) { self.nonce = nonce }

    package func encode(to writer: inout CanonicalWriter) { writer.write(nonce) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { nonce = try reader.readUInt64() }
}

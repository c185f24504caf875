import FolioCore

/// Asks the peer to prove it is alive. Payload: nonce (UInt64 LE).
package struct PingMessage: WireMessage {
    package static let messageType = MessageType.ping
    /// A value the pong must echo, so a stale pong does not count.
    package var nonce: UInt64

    /// Creates a ping.
    package init(nonce: UInt64) { self.nonce = nonce }

    package func encode(to writer: inout CanonicalWriter) { writer.write(nonce) }

    package init(from reader: inout CanonicalReader) throws(CodecError) { nonce = try reader.readUInt64() }
}

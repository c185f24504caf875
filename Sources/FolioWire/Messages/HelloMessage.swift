import FolioCore

/// Handshake step 1, the only message sent in the clear: a fresh X25519 public key.
///
/// Payload: the 32 key bytes, no length.
package struct HelloMessage: WireMessage {
    package static let messageType = MessageType.hello
    /// The sender's ephemeral X25519 public key.
    package var keyAgreementKey: [UInt8]

    /// Creates a hello; `keyAgreementKey` must be 32 bytes to encode as one.
    package init(keyAgreementKey: [UInt8]) { self.keyAgreementKey = keyAgreementKey }

    package func encode(to writer: inout CanonicalWriter) { writer.writeRaw(keyAgreementKey) }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        keyAgreementKey = try reader.readRaw(count: WireLimits.keyAgreementKeyBytes)
    }
}

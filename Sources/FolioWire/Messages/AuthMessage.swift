import FolioCore

/// Handshake step 2 (sealed): the sender's long-term node identity and its Ed25519 signature
/// over the handshake transcript, proving it holds the identity key on this very session.
///
/// Payload: identity key (32), signature (64).
package struct AuthMessage: WireMessage {
    package static let messageType = MessageType.auth
    /// The node's identity key.
    package var identity: PublicKey
    /// Signature by `identity` over the transcript message for the sender's role.
    package var signature: Signature

    /// Creates an auth message.
    package init(identity: PublicKey, signature: Signature) {
        self.identity = identity
        self.signature = signature
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(identity)
        writer.write(signature)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        identity = try reader.read()
        signature = try reader.read()
    }
}

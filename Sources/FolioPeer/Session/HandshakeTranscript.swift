import FolioCore
import FolioWire

/// The bytes both sides bind their keys and signatures to.
///
/// `hash = SHA-256("folio/p2p/v1" ‖ magic (UInt32 LE) ‖ initiator key ‖ responder key)`.
/// Keys: HKDF-SHA-256 with the X25519 shared secret as input, `hash` as salt and the info
/// `"folio/p2p/v1 i->r"` or `"folio/p2p/v1 r->i"`, 32 bytes each. Each side signs
/// `"folio/p2p/v1 auth initiator" ‖ hash` or `"... auth responder" ‖ hash`, so a signature
/// belongs to one session and one role and cannot be reflected back.
package struct HandshakeTranscript: Sendable, Equatable {
    /// The transcript hash.
    package let hash: Hash256

    /// The transcript of one key exchange.
    package init(magic: NetworkMagic, initiatorKey: [UInt8], responderKey: [UInt8]) {
        var writer = CanonicalWriter(capacity: 80)
        writer.writeRaw(Array("folio/p2p/v1".utf8))
        writer.write(magic.rawValue)
        writer.writeRaw(initiatorKey)
        writer.writeRaw(responderKey)
        hash = SHA256.hash(writer.finish())
    }

    /// HKDF info for the key that seals frames sent by the initiator.
    package static let initiatorToResponderInfo = Array("folio/p2p/v1 i->r".utf8)
    /// HKDF info for the key that seals frames sent by the responder.
    package static let responderToInitiatorInfo = Array("folio/p2p/v1 r->i".utf8)

    /// What the side playing `role` signs.
    package func signedMessage(for role: HandshakeRole) -> [UInt8] {
        let label = role == .initiator ? "folio/p2p/v1 auth initiator" : "folio/p2p/v1 auth responder"
        return Array(label.utf8) + hash.bytes
    }
}

/// Which side of a connection a node is.
package enum HandshakeRole: Sendable, Equatable {
    /// The side that dialled.
    case initiator
    /// The side that accepted.
    case responder
}

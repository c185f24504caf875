import FolioCore

/// Why a node closes a connection. Raw values are part of the protocol.
package enum DisconnectReason: UInt8, CanonicalTaggedEnum, Sendable {
    /// The peer's chain id differs from ours.
    case wrongChain = 1
    /// The peer's genesis block differs from ours.
    case wrongGenesis = 2
    /// The peer speaks a protocol version we do not.
    case unsupportedVersion = 3
    /// The key agreement or identity proof failed.
    case handshakeFailed = 4
    /// The peer is this node.
    case selfConnection = 5
    /// We already hold a connection to this identity.
    case duplicateConnection = 6
    /// We hold as many connections as we allow.
    case tooManyPeers = 7
    /// The peer broke a rule (malformed message, invalid block, protocol violation, flood).
    case misbehaviour = 8
    /// The peer did not answer in time.
    case timeout = 9
    /// This node is stopping.
    case shuttingDown = 10
    /// The peer's address is discouraged after earlier misbehaviour.
    case discouraged = 11
}

/// Sent just before closing. Payload: reason (tag), detail (string, at most
/// `WireLimits.disconnectDetailBytes`, for the peer's log).
package struct DisconnectMessage: WireMessage {
    package static let messageType = MessageType.disconnect
    /// The reason.
    package var reason: DisconnectReason
    /// A human-readable explanation.
    package var detail: String

    /// Creates the message; a detail longer than the cap is cut at a character boundary so
    /// the message always decodes.
    package init(reason: DisconnectReason, detail: String) {
        self.reason = reason
        var kept = String.UnicodeScalarView()
        var size = 0
        for scalar in detail.unicodeScalars {
            size += String(scalar).utf8.count
            guard size <= WireLimits.disconnectDetailBytes else { break }
            kept.append(scalar)
        }
        self.detail = String(kept)
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(reason)
        writer.writeString(detail)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        reason = try reader.read()
        detail = try reader.readString(field: "detail", cap: WireLimits.disconnectDetailBytes)
    }
}

import FolioCore

/// What a node tells a peer about itself once the session is authenticated.
///
/// Payload: protocol version (UInt32), chain id (UInt32), genesis id (32), best height
/// (UInt64), listening port (UInt16; 0 when not listening), user agent (string, at most
/// `WireLimits.userAgentBytes`).
package struct VersionMessage: WireMessage {
    package static let messageType = MessageType.version
    /// The protocol version the sender speaks.
    package var protocolVersion: UInt32
    /// The sender's chain id.
    package var chainId: UInt32
    /// The id of the sender's genesis block.
    package var genesis: Hash256
    /// Height of the sender's best validated block.
    package var bestHeight: UInt64
    /// The port the sender accepts connections on, 0 if none.
    package var listenPort: UInt16
    /// Free text naming the software, for logs only.
    package var userAgent: String

    /// Creates a version message.
    package init(protocolVersion: UInt32, chainId: UInt32, genesis: Hash256, bestHeight: UInt64,
                 listenPort: UInt16, userAgent: String) {
        self.protocolVersion = protocolVersion
        self.chainId = chainId
        self.genesis = genesis
        self.bestHeight = bestHeight
        self.listenPort = listenPort
        self.userAgent = userAgent
    }

    package func encode(to writer: inout CanonicalWriter) {
        writer.write(protocolVersion)
        writer.write(chainId)
        writer.write(genesis)
        writer.write(bestHeight)
        writer.write(listenPort)
        writer.writeString(userAgent)
    }

    package init(from reader: inout CanonicalReader) throws(CodecError) {
        protocolVersion = try reader.readUInt32()
        chainId = try reader.readUInt32()
        genesis = try reader.read()
        bestHeight = try reader.readUInt64()
        listenPort = try reader.readUInt16()
        userAgent = try reader.readString(field: "userAgent", cap: WireLimits.userAgentBytes)
    }
}

import FolioCore

/// The one-byte type carried in every frame header. Raw values are part of the protocol.
package enum MessageType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Handshake step 1: an ephemeral X25519 key, sent in the clear.
    case hello = 1
    /// Handshake step 2: the node identity and its signature over the transcript.
    case auth = 2
    /// Protocol version, chain, genesis, best height, port and user agent.
    case version = 3
    /// Acknowledges an acceptable `version`.
    case verack = 4
    /// Liveness probe carrying a nonce.
    case ping = 5
    /// Answer to a ping, echoing its nonce.
    case pong = 6
    /// Asks for headers after a block locator.
    case getHeaders = 7
    /// Block headers, in chain order.
    case headers = 8
    /// Announces transactions or blocks by id.
    case inv = 9
    /// Asks for the bodies of announced items.
    case getData = 10
    /// Says which requested items the sender does not have.
    case notFound = 11
    /// A full block.
    case block = 12
    /// A signed transaction.
    case tx = 13
    /// Addresses of other peers.
    case addr = 14
    /// Asks for addresses.
    case getAddr = 15
    /// The sender is closing the connection, and why.
    case disconnect = 16

    package var description: String {
        switch self {
        case .hello: return "hello"
        case .auth: return "auth"
        case .version: return "version"
        case .verack: return "verack"
        case .ping: return "ping"
        case .pong: return "pong"
        case .getHeaders: return "getheaders"
        case .headers: return "headers"
        case .inv: return "inv"
        case .getData: return "getdata"
        case .notFound: return "notfound"
        case .block: return "block"
        case .tx: return "tx"
        case .addr: return "addr"
        case .getAddr: return "getaddr"
        case .disconnect: return "disconnect"
        }
    }
}

/// A message body with a fixed frame type and a canonical encoding.
package protocol WireMessage: CanonicalCodable, Sendable, Equatable {
    /// The frame type this message travels under.
    static var messageType: MessageType { get }
}

import FolioCore

/// Any message of the protocol, as decoded from one frame.
package enum Message: Equatable, Sendable {
    /// A handshake `hello`.
    case hello(HelloMessage)
    /// A handshake `auth`.
    case auth(AuthMessage)
    /// A `version`.
    case version(VersionMessage)
    /// A `verack`.
    case verack
    /// A `ping`.
    case ping(PingMessage)
    /// A `pong`.
    case pong(PongMessage)
    /// A `getheaders`.
    case getHeaders(GetHeadersMessage)
    /// A `headers`.
    case headers(HeadersMessage)
    /// An `inv`.
    case inv(InvMessage)
    /// A `getdata`.
    case getData(GetDataMessage)
    /// A `notfound`.
    case notFound(NotFoundMessage)
    /// A `block`.
    case block(BlockMessage)
    /// A `tx`.
    case tx(TxMessage)
    /// An `addr`.
    case addr(AddrMessage)
    /// A `getaddr`.
    case getAddr
    /// A `disconnect`.
    case disconnect(DisconnectMessage)

    /// The frame type this message travels under.
    package var type: MessageType {
        switch self {
        case .hello: return .hello
        case .auth: return .auth
        case .version: return .version
        case .verack: return .verack
        case .ping: return .ping
        case .pong: return .pong
        case .getHeaders: return .getHeaders
        case .headers: return .headers
        case .inv: return .inv
        case .getData: return .getData
        case .notFound: return .notFound
        case .block: return .block
        case .tx: return .tx
        case .addr: return .addr
        case .getAddr: return .getAddr
        case .disconnect: return .disconnect
        }
    }

    /// The message's canonical payload bytes.
    package var payload: [UInt8] {
        switch self {
        case let .hello(m): return m.canonicalBytes
        case let .auth(m): return m.canonicalBytes
        case let .version(m): return m.canonicalBytes
        case .verack: return VerackMessage().canonicalBytes
        case let .ping(m): return m.canonicalBytes
        case let .pong(m): return m.canonicalBytes
        case let .getHeaders(m): return m.canonicalBytes
        case let .headers(m): return m.canonicalBytes
        case let .inv(m): return m.canonicalBytes
        case let .getData(m): return m.canonicalBytes
        case let .notFound(m): return m.canonicalBytes
        case let .block(m): return m.payloadBytes
        case let .tx(m): return m.canonicalBytes
        case let .addr(m): return m.canonicalBytes
        case .getAddr: return GetAddrMessage().canonicalBytes
        case let .disconnect(m): return m.canonicalBytes
        }
    }

    /// The plaintext frame of this message.
    package var frame: Frame { Frame(type: type.rawValue, payload: payload) }

    /// Decodes a payload of type byte `type`. The payload must be consumed exactly.
    package init(type rawType: UInt8, payload: [UInt8]) throws(WireError) {
        guard let type = MessageType(rawValue: rawType) else { throw .unknownMessageType(rawType) }
        do {
            switch type {
            case .hello: self = .hello(try HelloMessage(canonicalBytes: payload))
            case .auth: self = .auth(try AuthMessage(canonicalBytes: payload))
            case .version: self = .version(try VersionMessage(canonicalBytes: payload))
            case .verack: _ = try VerackMessage(canonicalBytes: payload); self = .verack
            case .ping: self = .ping(try PingMessage(canonicalBytes: payload))
            case .pong: self = .pong(try PongMessage(canonicalBytes: payload))
            case .getHeaders: self = .getHeaders(try GetHeadersMessage(canonicalBytes: payload))
            case .headers: self = .headers(try HeadersMessage(canonicalBytes: payload))
            case .inv: self = .inv(try InvMessage(canonicalBytes: payload))
            case .getData: self = .getData(try GetDataMessage(canonicalBytes: payload))
            case .notFound: self = .notFound(try NotFoundMessage(canonicalBytes: payload))
            case .block: self = .block(try BlockMessage(canonicalBytes: payload))
            case .tx: self = .tx(try TxMessage(canonicalBytes: payload))
            case .addr: self = .addr(try AddrMessage(canonicalBytes: payload))
            case .getAddr: _ = try GetAddrMessage(canonicalBytes: payload); self = .getAddr
            case .disconnect: self = .disconnect(try DisconnectMessage(canonicalBytes: payload))
            }
        } catch {
            throw .malformed(type: type, error)
        }
    }
}

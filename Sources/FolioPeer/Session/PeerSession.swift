import FolioCore
import FolioWire

/// What a session wants done after an input.
package enum SessionOutput: Equatable, Sendable {
    /// Write this frame to the peer. `sequence` numbers the session's outgoing frames from
    /// zero: the network writes them in that order, because sealed frames carry their
    /// number as the nonce and a peer refuses one that arrives out of turn.
    case send(Frame, sequence: UInt64)
    /// The handshake finished: the peer proved `identity` and sent an acceptable `version`.
    case established(identity: PublicKey, version: VersionMessage)
    /// A message from the established peer, for the sync and relay logic.
    case message(Message)
    /// Close the connection; `reason` and `detail` say why, for the log.
    case close(DisconnectReason, String)
    /// The peer said it is closing, and why (its word only: nothing to punish it for).
    case peerDisconnected(DisconnectReason, String)
}

/// One connection's protocol state, from the first byte to the close: the key exchange, the
/// identity proof, the version exchange, then sealed messages. Events in (`start`, `receive`,
/// `send`), outputs out; no I/O.
///
/// Exact order with frames delivered in order (I initiator, R responder):
/// `I→R hello`, `R→I hello`, `R→I auth`, `I→R auth`, `I→R version`, `R→I version`,
/// `R→I verack`, `I→R verack`. Each side is established once it has accepted the peer's
/// version and received its verack.
package struct PeerSession: Sendable {
    /// Where the session is.
    package enum Phase: Equatable, Sendable {
        /// Waiting for the peer's `hello` (the initiator after `start`, the responder at once).
        case awaitingHello
        /// Keys agreed; waiting for the peer's `auth`.
        case awaitingAuth
        /// Peer authenticated; waiting for its `version`.
        case awaitingVersion
        /// Peer's version accepted; waiting for its `verack`.
        case awaitingVerack
        /// Handshake complete.
        case established
        /// Closed after a failure; every further input is ignored.
        case closed
    }

    /// Initiator or responder.
    package let role: HandshakeRole
    /// The current phase.
    package private(set) var phase: Phase = .awaitingHello
    /// The peer's proven identity, once its `auth` checked out.
    package private(set) var remoteIdentity: PublicKey?
    /// The peer's accepted version.
    package private(set) var remoteVersion: VersionMessage?

    let crypto: any PeerCryptoProvider
    let magic: NetworkMagic
    let localVersion: VersionMessage
    let expectedIdentity: PublicKey?
    var secret: (any KeyAgreementSecret)?
    var cipher: SessionCipher?
    var transcript: HandshakeTranscript?
    /// Frames handed out so far: the next frame's `sequence`.
    package private(set) var framesOut: UInt64 = 0

    /// A session for one connection. `localVersion` is what this node announces; the peer's
    /// must match its chain id and genesis. A dialler that knows whom it dials passes
    /// `expectedIdentity`, and any other identity fails the handshake.
    package init(role: HandshakeRole, crypto: any PeerCryptoProvider, magic: NetworkMagic,
                 localVersion: VersionMessage, expectedIdentity: PublicKey? = nil) {
        self.role = role
        self.crypto = crypto
        self.magic = magic
        self.localVersion = localVersion
        self.expectedIdentity = expectedIdentity
    }

    /// Starts the handshake: the initiator sends its `hello`; the responder waits.
    package mutating func start() -> [SessionOutput] {
        guard role == .initiator, phase == .awaitingHello, secret == nil else { return [] }
        do {
            let fresh = try crypto.newKeyAgreementSecret()
            secret = fresh
            return [outgoing(Message.hello(HelloMessage(keyAgreementKey: fresh.publicKeyBytes)).frame)]
        } catch {
            return fail(.handshakeFailed, "could not make a key agreement key: \(error)")
        }
    }

    /// Handles one frame from the peer.
    package mutating func receive(_ frame: Frame) -> [SessionOutput] {
        switch phase {
        case .closed: return []
        case .awaitingHello: return receiveHello(frame)
        case .awaitingAuth, .awaitingVersion, .awaitingVerack, .established:
            guard var opened = cipher else { return fail(.handshakeFailed, "no session keys") }
            let plaintext: [UInt8]
            do { plaintext = try opened.open(frame) } catch {
                return fail(.misbehaviour, "sealed \(frame.type) frame failed authentication")
            }
            cipher = opened
            let message: Message
            do { message = try Message(type: frame.type, payload: plaintext) } catch {
                return fail(.misbehaviour, "\(error)")
            }
            if case let .disconnect(notice) = message {
                phase = .closed
                return [.peerDisconnected(notice.reason, notice.detail)]
            }
            return receiveSealed(message)
        }
    }

    /// Seals `message` for the established peer.
    package mutating func send(_ message: Message) -> [SessionOutput] {
        guard phase == .established else { return [] }
        return sealOutputs([message])
    }

    /// Seals `payload` under type byte `type` for the established peer, unchecked: how tests
    /// play a hostile peer sending unknown types or malformed bodies. Nothing in the node
    /// calls it.
    package mutating func sendUnchecked(type: UInt8, payload: [UInt8]) -> [SessionOutput] {
        guard phase == .established, var sealing = cipher else { return [] }
        do {
            let frame = try sealing.seal(type: type, payload: payload)
            cipher = sealing
            return [outgoing(frame)]
        } catch {
            return fail(.handshakeFailed, "could not seal frame type \(type): \(error)")
        }
    }

    /// Tells the peer why, then closes: the way every failure and local shutdown ends.
    package mutating func fail(_ reason: DisconnectReason, _ detail: String) -> [SessionOutput] {
        guard phase != .closed else { return [] }
        var outputs: [SessionOutput] = []
        if cipher != nil, let frame = try? cipher?.seal(.disconnect(DisconnectMessage(reason: reason, detail: detail))) {
            outputs.append(outgoing(frame))
        }
        phase = .closed
        return outputs + [.close(reason, detail)]
    }

    /// Seals each message in order, failing the session if sealing fails.
    mutating func sealOutputs(_ messages: [Message]) -> [SessionOutput] {
        guard var sealing = cipher else { return fail(.handshakeFailed, "no session keys") }
        var outputs: [SessionOutput] = []
        for message in messages {
            do { outputs.append(outgoing(try sealing.seal(message))) } catch {
                cipher = sealing
                return outputs + fail(.handshakeFailed, "could not seal \(message.type): \(error)")
            }
        }
        cipher = sealing
        return outputs
    }

    /// The output that writes `frame`, numbered next in this session's send order.
    mutating func outgoing(_ frame: Frame) -> SessionOutput {
        defer { framesOut += 1 }
        return .send(frame, sequence: framesOut)
    }

    /// Moves to `next`.
    mutating func advance(to next: Phase) { phase = next }

    /// Records the peer's proven identity.
    mutating func setRemote(identity: PublicKey) { remoteIdentity = identity }

    /// Records the peer's accepted version.
    mutating func setRemote(version: VersionMessage) { remoteVersion = version }
}

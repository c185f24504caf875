import FolioCore
import FolioWire

extension PeerSession {
    /// `hello`: agree keys; the responder answers with its own hello and its auth.
    mutating func receiveHello(_ frame: Frame) -> [SessionOutput] {
        guard frame.type == MessageType.hello.rawValue else {
            return fail(.handshakeFailed, "expected hello, got frame type \(frame.type)")
        }
        guard role == .responder || secret != nil else { return fail(.handshakeFailed, "hello before start") }
        let hello: HelloMessage
        do { hello = try HelloMessage(canonicalBytes: frame.payload) } catch {
            return fail(.handshakeFailed, "malformed hello: \(error)")
        }
        var outputs: [SessionOutput] = []
        do {
            let own: any KeyAgreementSecret
            if let secret { own = secret } else {
                own = try crypto.newKeyAgreementSecret()
                outputs.append(outgoing(Message.hello(HelloMessage(keyAgreementKey: own.publicKeyBytes)).frame))
            }
            secret = nil
            let shared = try own.sharedSecret(withPeerKey: hello.keyAgreementKey)
            let keys = role == .initiator ? (own.publicKeyBytes, hello.keyAgreementKey) : (hello.keyAgreementKey, own.publicKeyBytes)
            let transcript = HandshakeTranscript(magic: magic, initiatorKey: keys.0, responderKey: keys.1)
            let salt = transcript.hash.bytes
            let forward = try crypto.deriveKey(inputKeyMaterial: shared, salt: salt,
                                               info: HandshakeTranscript.initiatorToResponderInfo, byteCount: 32)
            let backward = try crypto.deriveKey(inputKeyMaterial: shared, salt: salt,
                                                info: HandshakeTranscript.responderToInitiatorInfo, byteCount: 32)
            cipher = role == .initiator
                ? SessionCipher(crypto: crypto, magic: magic, sendKey: forward, receiveKey: backward)
                : SessionCipher(crypto: crypto, magic: magic, sendKey: backward, receiveKey: forward)
            self.transcript = transcript
        } catch {
            return outputs + fail(.handshakeFailed, "key agreement failed: \(error)")
        }
        advance(to: .awaitingAuth)
        guard role == .responder else { return outputs }
        guard let auth = makeAuth() else { return outputs + fail(.handshakeFailed, "could not sign the transcript") }
        return outputs + sealOutputs([.auth(auth)])
    }

    /// Messages after the key agreement, by phase.
    mutating func receiveSealed(_ message: Message) -> [SessionOutput] {
        switch (phase, message) {
        case let (.awaitingAuth, .auth(auth)): return receiveAuth(auth)
        case let (.awaitingVersion, .version(version)): return receiveVersion(version)
        case (.awaitingVerack, .verack):
            guard let identity = remoteIdentity, let version = remoteVersion else {
                return fail(.handshakeFailed, "verack before the peer was known")
            }
            advance(to: .established)
            return [.established(identity: identity, version: version)]
        case (.established, .hello), (.established, .auth), (.established, .version), (.established, .verack):
            return fail(.misbehaviour, "\(message.type) after the handshake")
        case (.established, _): return [.message(message)]
        default: return fail(.handshakeFailed, "unexpected \(message.type) while \(phase)")
        }
    }

    private mutating func receiveAuth(_ auth: AuthMessage) -> [SessionOutput] {
        guard let transcript else { return fail(.handshakeFailed, "auth before key agreement") }
        let peerRole: HandshakeRole = role == .initiator ? .responder : .initiator
        guard crypto.isValidSignature(auth.signature, of: transcript.signedMessage(for: peerRole), by: auth.identity) else {
            return fail(.handshakeFailed, "identity signature over the transcript is invalid")
        }
        if auth.identity == crypto.identity { return fail(.selfConnection, "connected to ourselves") }
        if let expectedIdentity, expectedIdentity != auth.identity {
            return fail(.handshakeFailed, "peer proved identity \(HexCoding.encode(auth.identity.bytes)), not the one dialled")
        }
        setRemote(identity: auth.identity)
        advance(to: .awaitingVersion)
        if role == .initiator {
            guard let own = makeAuth() else { return fail(.handshakeFailed, "could not sign the transcript") }
            return sealOutputs([.auth(own), .version(localVersion)])
        }
        return sealOutputs([.version(localVersion)])
    }

    private mutating func receiveVersion(_ version: VersionMessage) -> [SessionOutput] {
        if version.protocolVersion < PeerProtocol.minimumVersion {
            return fail(.unsupportedVersion, "peer speaks protocol \(version.protocolVersion), we need \(PeerProtocol.minimumVersion)")
        }
        if version.chainId != localVersion.chainId {
            return fail(.wrongChain, "peer is on chain \(version.chainId), we are on \(localVersion.chainId)")
        }
        if version.genesis != localVersion.genesis {
            return fail(.wrongGenesis, "peer's genesis is \(version.genesis), ours is \(localVersion.genesis)")
        }
        setRemote(version: version)
        advance(to: .awaitingVerack)
        return sealOutputs([.verack])
    }

    private func makeAuth() -> AuthMessage? {
        guard let transcript, let signature = try? crypto.sign(transcript.signedMessage(for: role)) else { return nil }
        return AuthMessage(identity: crypto.identity, signature: signature)
    }
}

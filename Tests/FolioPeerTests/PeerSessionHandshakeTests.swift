import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

@Suite struct PeerSessionHandshakeTests {
    static let magic = NetworkMagic(chainId: 7)

    func pair(initiatorVersion: VersionMessage = version(), responderVersion: VersionMessage = version(),
              initiatorSeed: UInt8 = 1, responderSeed: UInt8 = 2, expected: PublicKey? = nil) throws -> SessionPair {
        SessionPair(
            initiator: PeerSession(role: .initiator, crypto: try crypto(initiatorSeed), magic: Self.magic,
                                   localVersion: initiatorVersion, expectedIdentity: expected),
            responder: PeerSession(role: .responder, crypto: try crypto(responderSeed), magic: Self.magic,
                                   localVersion: responderVersion))
    }

    @Test func handshakeRunsInTheDocumentedOrderAndEstablishesBothSides() throws {
        var sessions = try pair()
        sessions.run()
        let order = sessions.log.map { "\($0.fromInitiator ? "I" : "R"):\(MessageType(rawValue: $0.type)?.description ?? "?")" }
        #expect(order == ["I:hello", "R:hello", "R:auth", "I:auth", "I:version", "R:version", "R:verack", "I:verack"])
        #expect(sessions.initiator.phase == .established)
        #expect(sessions.responder.phase == .established)
        #expect(sessions.initiator.remoteIdentity == (try crypto(2)).identity)
        #expect(sessions.responder.remoteIdentity == (try crypto(1)).identity)
    }

    @Test func onlyTheHelloTravelsInTheClear() throws {
        var sessions = try pair()
        var clearPayloads: [[UInt8]] = []
        sessions.run { _, frame in if frame.type != MessageType.hello.rawValue { clearPayloads.append(frame.payload) } }
        // A sealed verack is the 16-byte tag alone; a clear one would be empty.
        #expect(clearPayloads.allSatisfy { $0.count >= 16 })
    }

    @Test func peerOnAnotherGenesisIsDisconnectedWithThatReason() throws {
        var sessions = try pair(responderVersion: version(genesis: Hash256(bytes: [UInt8](repeating: 9, count: 32)) ?? .zero))
        sessions.run()
        #expect(closeReason(sessions.responderOutputs) == .wrongGenesis)
        #expect(closeReason(sessions.initiatorOutputs) == .wrongGenesis)
    }

    @Test func peerOnAnotherChainIdIsDisconnectedWithThatReason() throws {
        var sessions = try pair(responderVersion: version(chainId: 8))
        sessions.run()
        #expect(closeReason(sessions.responderOutputs) == .wrongChain)
    }

    @Test func peerBelowTheMinimumProtocolVersionIsDisconnected() throws {
        var sessions = try pair(initiatorVersion: version(protocolVersion: 0))
        sessions.run()
        #expect(closeReason(sessions.responderOutputs) == .unsupportedVersion)
    }

    @Test func authSignedOverAnotherTranscriptFailsTheHandshake() throws {
        var sessions = try pair()
        sessions.responder = PeerSession(role: .responder, crypto: WrongSigner(inner: try crypto(2)), magic: Self.magic,
                                         localVersion: version())
        sessions.run()
        #expect(closeReason(sessions.initiatorOutputs) == .handshakeFailed)
        #expect(sessions.initiator.remoteIdentity == nil)
    }

    @Test func alteredSealedAuthFrameFailsAuthentication() throws {
        var sessions = try pair()
        sessions.run { toResponder, frame in
            if !toResponder, frame.type == MessageType.auth.rawValue { frame.payload[0] ^= 0x01 }
        }
        #expect(closeReason(sessions.initiatorOutputs) == .misbehaviour)
        #expect(sessions.initiator.phase == .closed)
    }

    @Test func identityOtherThanTheDialledOneFailsTheHandshake() throws {
        var sessions = try pair(expected: try crypto(3).identity)
        sessions.run()
        #expect(closeReason(sessions.initiatorOutputs) == .handshakeFailed)
    }

    @Test func connectingToOurOwnIdentityIsRefused() throws {
        var sessions = try pair(initiatorSeed: 4, responderSeed: 4)
        sessions.run()
        #expect(closeReason(sessions.initiatorOutputs) == .selfConnection)
    }

    @Test func sealedFrameWithAlteredTypeByteFailsAuthentication() throws {
        var sessions = try pair()
        sessions.run()
        var initiator = sessions.initiator, responder = sessions.responder
        let outputs = initiator.send(.ping(PingMessage(nonce: 1)))
        guard case var .send(frame, _)? = outputs.first else { Issue.record("no frame sent"); return }
        frame.type = MessageType.pong.rawValue
        #expect(closeReason(responder.receive(frame)) == .misbehaviour)
    }

    @Test func replayedSealedFrameFailsAuthentication() throws {
        var sessions = try pair()
        sessions.run()
        var initiator = sessions.initiator, responder = sessions.responder
        guard case let .send(frame, _)? = initiator.send(.ping(PingMessage(nonce: 1))).first else { Issue.record("no frame"); return }
        #expect(responder.receive(frame) == [.message(.ping(PingMessage(nonce: 1)))])
        #expect(closeReason(responder.receive(frame)) == .misbehaviour)
    }

    @Test func versionBeforeAuthIsAProtocolViolation() throws {
        var responder = PeerSession(role: .responder, crypto: try crypto(2), magic: Self.magic, localVersion: version())
        var initiator = PeerSession(role: .initiator, crypto: try crypto(1), magic: Self.magic, localVersion: version())
        guard case let .send(hello, _)? = initiator.start().first else { Issue.record("no hello"); return }
        let replies = responder.receive(hello)
        for case let .send(frame, _) in replies { _ = initiator.receive(frame) }
        // A plaintext version frame where a sealed auth is due.
        let outputs = responder.receive(Message.version(version()).frame)
        #expect(closeReason(outputs) == .misbehaviour)
    }

    @Test func nonceIsTheCounterLittleEndianThenFourZeroBytes() {
        #expect(SessionCipher.nonce(0x0102) == [0x02, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }
}

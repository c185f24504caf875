import FolioCore
import FolioCrypto
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// The manager is an actor that awaits the chain in the middle of a message, so two peers'
/// announcements of one transaction can both be inside `receiveInventory` at once. Only one
/// of them may be asked for it: the other's answer would be "unrequested data", and under a
/// steady transfer load (B9 with heavy blocks) honest peers disconnected each other for it.
@Suite struct TransactionRequestRaceTests {
    static let genesis = InMemoryPeerBlocks.genesis()

    @Test func twoAnnouncementsDuringOneAwaitAskOnlyOnePeer() async throws {
        let gate = Gate()
        let chain = InterceptedPeerChain(InMemoryPeerChain(genesis: Self.genesis)) { call in
            if call == .hasTransaction { await gate.pass() }
        }
        var configuration = PeerConfiguration(chainId: 7, genesis: Self.genesis.id, listenPort: 9333)
        configuration.targetOutbound = 0
        let manager = PeerManager(configuration: configuration, crypto: try crypto(1), chain: chain,
                                  addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
        var first = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        var second = try await Remote.connect(manager, peer: 2, seed: 3, genesis: Self.genesis.id)
        let transaction = try Self.transaction()
        let announcement = Message.inv(InvMessage(items: [InventoryItem(kind: .transaction, id: transaction.id)]))

        // Both announcements reach the chain's "do we have it?" before either is answered.
        await gate.arm()
        let fromFirst = first.frames(announcement), fromSecond = second.frames(announcement)
        async let firstActions = Remote.deliver(fromFirst, from: 1, to: manager)
        async let secondActions = Remote.deliver(fromSecond, from: 2, to: manager)
        #expect(await gate.waitForWaiters(2))
        await gate.release()
        let actions = await firstActions + secondActions

        let asked = [(1, first.messages(actions, peer: 1)), (2, second.messages(actions, peer: 2))].filter { _, messages in
            messages.contains { if case .getData = $0 { return true } else { return false } }
        }
        #expect(asked.count == 1)
        // The peer asked answers, and nobody is blamed.
        let answering = asked.first?.0 ?? 1
        var remote = answering == 1 ? first : second
        let reply = await Remote.deliver(remote.frames(.tx(TxMessage(transaction: transaction))), from: answering, to: manager)
        #expect(!reply.contains { if case .close = $0 { return true } else { return false } })
        #expect(await manager.establishedPeers == [1, 2])
    }

    static func transaction() throws -> Transaction {
        let sender = try PrivateKey(seed: [UInt8](repeating: 9, count: 32)).publicKey
        return Transaction(chainId: 7, sender: sender, nonce: 0, fee: Amount(baseUnits: 1),
                           payload: .transfer(Transfer(to: Address(publicKey: sender), amount: Amount(baseUnits: 1))),
                           signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
    }
}

/// A remote peer's session, driven by hand against a manager.
struct Remote {
    var session: PeerSession

    /// Opens inbound connection `peer` on `manager` and runs the handshake to the end.
    static func connect(_ manager: PeerManager, peer: Int, seed: UInt8, genesis: Hash256) async throws -> Remote {
        var remote = Remote(session: PeerSession(role: .initiator, crypto: try crypto(seed), magic: NetworkMagic(chainId: 7),
                                                 localVersion: version(genesis: genesis)))
        var toManager = remote.session.start().compactMap { if case let .send(frame, _) = $0 { return frame } else { return nil } }
        var actions = await manager.handle(.opened(peer: peer, inbound: true, address: PeerAddress(ip: IPAddress(10, 9, 0, UInt8(peer)), port: 0)), now: 0)
        for _ in 0..<16 where remote.session.phase != .established || !toManager.isEmpty {
            for frame in toManager { actions += await manager.handle(.frame(peer: peer, frame), now: 0) }
            toManager = []
            for case let .send(target, frame, _) in actions where target == peer {
                toManager += remote.session.receive(frame).compactMap { if case let .send(frame, _) = $0 { return frame } else { return nil } }
            }
            actions = []
        }
        return remote
    }

    /// The frames that carry `message` to the manager.
    mutating func frames(_ message: Message) -> [Frame] {
        session.send(message).compactMap { if case let .send(frame, _) = $0 { return frame } else { return nil } }
    }

    /// The messages among `actions` sent to `peer`, opened by this session.
    mutating func messages(_ actions: [PeerAction], peer: Int) -> [Message] {
        var messages: [Message] = []
        for case let .send(target, frame, _) in actions where target == peer {
            for case let .message(message) in session.receive(frame) { messages.append(message) }
        }
        return messages
    }

    static func deliver(_ frames: [Frame], from peer: Int, to manager: PeerManager) async -> [PeerAction] {
        var actions: [PeerAction] = []
        for frame in frames { actions += await manager.handle(.frame(peer: peer, frame), now: 0) }
        return actions
    }
}

/// Holds callers of `pass` until `release`, once armed.
actor Gate {
    private var armed = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func arm() { armed = true }

    func pass() async {
        guard armed else { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Waits (polling, at most five seconds) until `count` callers are held.
    func waitForWaiters(_ count: Int) async -> Bool {
        for _ in 0..<500 where waiting.count < count { try? await Task.sleep(for: .milliseconds(10)) }
        return waiting.count >= count
    }

    func release() {
        armed = false
        waiting.forEach { $0.resume() }
        waiting.removeAll()
    }
}

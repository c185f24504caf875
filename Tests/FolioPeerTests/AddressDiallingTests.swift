import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// The manager dialling its address book: nodes joined in memory (`InMemoryPeerNetwork`), or
/// one manager fed events by hand. Time moves only when a test says so.
@Suite struct AddressDiallingTests {
    static let genesis = InMemoryPeerBlocks.genesis()

    /// Frames of `type` node `from` sent node `to` (a handshake sends one `hello` each way).
    static func count(_ network: InMemoryPeerNetwork, _ type: MessageType, from: Int, to: Int) -> Int {
        network.deliveries.filter { $0.from == from && $0.to == to && $0.type == type }.count
    }

    /// The dial actions among `actions`.
    static func dials(_ actions: [PeerAction]) -> [PeerAddress] {
        actions.compactMap { if case let .dial(address) = $0 { return address } else { return nil } }
    }

    /// A manager with nothing connected, on an empty chain, starting from `book`.
    static func manager(book: AddressBook, target: Int = 8) throws -> PeerManager {
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 9333)
        configuration.targetOutbound = target
        return PeerManager(configuration: configuration, crypto: try crypto(1), chain: InMemoryPeerChain(genesis: genesis), addressBook: book)
    }

    /// A (0) and B (1) dial nothing themselves; C (2) holds up to 8. B dials A, C dials B:
    /// C learns A from B's `addr` and dials it once, and never dials B a second time.
    @Test func aNodeDialsAnAddressLearnedThroughAddrOnceAndNothingItHolds() async throws {
        let network = InMemoryPeerNetwork()
        for seed in 1...3 {
            try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: UInt8(seed)) {
                $0.targetOutbound = seed == 3 ? 8 : 0
            }
        }
        await network.connect(1, 0)
        await network.connect(2, 1)
        #expect(await network.run())
        #expect(Self.count(network, .hello, from: 2, to: 0) == 0)
        await network.advance(by: 1_000)
        #expect(await network.nodes[2].manager.establishedPeers.count == 2)
        for _ in 0..<10 { await network.advance(by: 1_000) }
        #expect(Self.count(network, .hello, from: 2, to: 0) == 1)
        #expect(Self.count(network, .hello, from: 2, to: 1) == 1)
        #expect(network.closures.isEmpty)
        let learned = await network.nodes[2].manager.addressBook.entries.map(\.key)
        #expect(Set(learned) == [network.nodes[0].address.key, network.nodes[1].address.key])
    }

    /// Three nodes on one IP (one machine): a peer is not told its own listening address, but
    /// it is told the others on that IP, so C still learns A from B.
    @Test func peersSharingAnIPStillLearnEachOther() async throws {
        let network = InMemoryPeerNetwork()
        for index in 0..<3 {
            let port = UInt16(19_000 + index)
            try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: UInt8(index + 1),
                                address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: port)) {
                $0.version.listenPort = port
                $0.targetOutbound = index == 2 ? 8 : 0
            }
        }
        await network.connect(1, 0)
        await network.connect(2, 1)
        await network.run()
        await network.advance(by: 1_000)
        #expect(Self.count(network, .hello, from: 2, to: 0) == 1)
        #expect(await network.nodes[2].manager.establishedPeers.count == 2)
        // B told C about A only, not about C itself.
        let learned = await network.nodes[2].manager.addressBook.entries.map(\.key)
        #expect(!learned.contains(network.nodes[2].address.key))
    }

    /// B dialled A, so A's book holds B's listening address (from B's `version`); A, short of
    /// its target, must see that it is linked to B already and not dial it.
    @Test func aPeerThatDialledUsIsNotDialledBack() async throws {
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 1) { $0.targetOutbound = 8 }
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 2)
        await network.connect(1, 0)
        await network.run()
        #expect(await network.nodes[0].manager.addressBook.entries.map(\.key) == [network.nodes[1].address.key])
        for _ in 0..<5 { await network.advance(by: 1_000) }
        // One handshake only: each side's `hello` once (a dial by A would add a second pair).
        #expect(Self.count(network, .hello, from: 0, to: 1) == 1)
        #expect(Self.count(network, .hello, from: 1, to: 0) == 1)
        #expect(network.closures.isEmpty)
    }

    /// The node's own address reached it through the book: the dial ends in `selfConnection`
    /// and is never repeated.
    @Test func aDialThatReachesItselfIsNeverRepeated() async throws {
        let network = InMemoryPeerNetwork()
        var book = AddressBook(secret: [UInt8](repeating: 1, count: 16))
        book.add(PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333, lastSeen: 1))
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 1, addressBook: book) {
            $0.targetOutbound = 8
        }
        await network.advance(by: 1_000)
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 0, remote: 0, reason: .selfConnection)))
        let attempts = Self.count(network, .hello, from: 0, to: 0)
        #expect(attempts > 0)
        for _ in 0..<20 { await network.advance(by: 60_000) }
        #expect(Self.count(network, .hello, from: 0, to: 0) == attempts)
    }

    @Test func aConfiguredOwnAddressIsNeverDialled() async throws {
        let network = InMemoryPeerNetwork()
        var book = AddressBook(secret: [UInt8](repeating: 1, count: 16))
        book.add(PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333, lastSeen: 1))
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 1, addressBook: book) {
            $0.targetOutbound = 8
            $0.localAddresses = [AddressKey(ip: IPAddress(10, 0, 0, 1), port: 9333)]
        }
        for _ in 0..<3 { await network.advance(by: 1_000) }
        #expect(network.deliveries.isEmpty)
    }

    /// A peer found sending an invalid block is discouraged; it stays in the book but is not
    /// dialled again while the discouragement lasts, though the node is short of its target.
    @Test func aDiscouragedPeerIsNotRedialled() async throws {
        let (bad, genesis, blocks) = await chainWithBlocks(5)
        let victim = InMemoryPeerChain(genesis: genesis)
        await victim.markInvalid(blocks[2].id)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: bad, genesis: genesis.id, seed: 1)
        var book = AddressBook(secret: [UInt8](repeating: 2, count: 16))
        book.add(PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333, lastSeen: 1))
        try network.addNode(chain: victim, genesis: genesis.id, seed: 2, addressBook: book) { $0.targetOutbound = 8 }
        await network.advance(by: 1_000)
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 1, remote: 0, reason: .misbehaviour)))
        for _ in 0..<30 { await network.advance(by: 60_000) }
        #expect(Self.count(network, .hello, from: 1, to: 0) == 1)
        #expect(await network.nodes[1].manager.addressBook.isDiscouraged(IPAddress(10, 0, 0, 1), now: network.now))
    }

    /// A working outbound link that dies (no pong) is redialled once its base wait is over.
    @Test func aDroppedOutboundLinkIsRedialled() async throws {
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 1)
        var book = AddressBook(secret: [UInt8](repeating: 2, count: 16))
        book.add(PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333, lastSeen: 1))
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 2, addressBook: book) {
            $0.targetOutbound = 1
        }
        await network.advance(by: 1_000)
        #expect(await network.nodes[1].manager.establishedPeers.count == 1)
        network.muted = [0]
        await network.advance(by: 30_000)
        await network.advance(by: 20_000)
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 1, remote: 0, reason: .timeout)))
        network.muted = []
        await network.advance(by: 1_000)
        #expect(Self.count(network, .hello, from: 1, to: 0) == 2)
        #expect(await network.nodes[1].manager.establishedPeers.count == 1)
    }

    /// An unreachable address is tried at once, then 1 s after the first failure, 2 s after
    /// the second: the manager's ticks follow the dialler's backoff.
    @Test func anUnreachableAddressIsRetriedWithBackoff() async throws {
        let address = PeerAddress(ip: IPAddress(192, 0, 2, 1), port: 9333, lastSeen: 1)
        var book = AddressBook(secret: [UInt8](repeating: 3, count: 16))
        book.add(address)
        let manager = try Self.manager(book: book)
        #expect(Self.dials(await manager.handle(.tick, now: 0)) == [address])
        #expect(Self.dials(await manager.handle(.tick, now: 500)).isEmpty)
        _ = await manager.handle(.dialFailed(address), now: 500)
        #expect(Self.dials(await manager.handle(.tick, now: 1_499)).isEmpty)
        #expect(Self.dials(await manager.handle(.tick, now: 1_500)) == [address])
        _ = await manager.handle(.dialFailed(address), now: 1_500)
        #expect(Self.dials(await manager.handle(.tick, now: 3_499)).isEmpty)
        #expect(Self.dials(await manager.handle(.tick, now: 3_500)) == [address])
    }

    /// After a restart (the book read back from its bytes), the first dials are the anchors,
    /// newest first; other entries come only when there is room after them.
    @Test func aRestartedNodeDialsItsAnchorsBeforeOtherEntries() async throws {
        var book = AddressBook(secret: [UInt8](repeating: 4, count: 16))
        for group in 0..<10 { book.add(PeerAddress(ip: IPAddress(50, UInt8(group), 0, 1), port: 9333, lastSeen: 500)) }
        let (first, second) = (PeerAddress(ip: IPAddress(60, 0, 0, 1), port: 9333), PeerAddress(ip: IPAddress(61, 0, 0, 1), port: 9333))
        book.markGood(first)
        book.markGood(second)
        let restored = try AddressBookSnapshot.decode(AddressBookSnapshot.encode(book))

        let tight = try Self.manager(book: restored, target: 2)
        #expect(Self.dials(await tight.handle(.tick, now: 0)).map(\.key) == [second.key, first.key])
        let roomy = try Self.manager(book: restored, target: 5)
        let dials = Self.dials(await roomy.handle(.tick, now: 0))
        #expect(dials.count == 5)
        #expect(dials.prefix(2).map(\.key) == [second.key, first.key])
    }

    /// B's book holds an address "last seen" far in the future; C learns it through `addr`
    /// with the time cut to its own now (the network clock starts at 1,000 s), so it cannot
    /// outrank real addresses when a bucket is full.
    @Test func aLastSeenTimeInTheFutureIsLearnedAsNow() async throws {
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 1)
        var book = AddressBook(secret: [UInt8](repeating: 6, count: 16))
        book.add(PeerAddress(ip: IPAddress(80, 0, 0, 1), port: 9333, lastSeen: 4_000_000_000))
        try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 2, addressBook: book)
        await network.connect(0, 1)
        await network.run()
        let learned = await network.nodes[0].manager.addressBook.entries.first { $0.ip == IPAddress(80, 0, 0, 1) }
        #expect(learned?.lastSeen == 1_000)
    }

    /// Addresses the host reserves (peers it dials itself, filtered ones) are left to it.
    @Test func reservedAddressesAreLeftToTheHost() async throws {
        let (kept, reserved) = (PeerAddress(ip: IPAddress(70, 0, 0, 1), port: 9333), PeerAddress(ip: IPAddress(71, 0, 0, 1), port: 9333))
        var book = AddressBook(secret: [UInt8](repeating: 5, count: 16))
        book.markGood(kept)
        book.markGood(reserved)
        let manager = try Self.manager(book: book)
        await manager.reserve([reserved.key])
        #expect(Self.dials(await manager.handle(.tick, now: 0)).map(\.key) == [kept.key])
    }
}

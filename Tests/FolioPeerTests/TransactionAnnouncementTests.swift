import FolioCore
import FolioCrypto
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// Transaction announcements are queued per peer and sent as one `inv` per flush (the
/// network's short timer, `PeerEvent.flushAnnouncements`), not one `inv` frame per
/// transaction per peer; blocks are still announced at once.
@Suite struct TransactionAnnouncementTests {
    static let genesis = InMemoryPeerBlocks.genesis()

    @Test func transactionsQueuedBetweenFlushesGoToEachPeerAsOneInv() async throws {
        let (manager, _) = try Self.manager()
        var first = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        var second = try await Remote.connect(manager, peer: 2, seed: 3, genesis: Self.genesis.id)
        let transactions = try (0..<5).map { try Self.transfer(nonce: $0) }

        var queued: [PeerAction] = []
        for transaction in transactions { queued += await manager.handle(.localTransaction(transaction), now: 10) }
        #expect(first.messages(queued, peer: 1).isEmpty)
        #expect(second.messages(queued, peer: 2).isEmpty)

        let flushed = await manager.handle(.flushAnnouncements, now: 100)
        let expected = transactions.map { InventoryItem(kind: .transaction, id: $0.id) }
        #expect(Self.inventories(first.messages(flushed, peer: 1)) == [expected])
        #expect(Self.inventories(second.messages(flushed, peer: 2)) == [expected])
        // Nothing is left to send, and nothing goes twice.
        #expect(await manager.handle(.flushAnnouncements, now: 200).isEmpty)
        #expect(await manager.handle(.localTransaction(transactions[0]), now: 210).isEmpty)
        #expect(await manager.handle(.flushAnnouncements, now: 300).isEmpty)
    }

    @Test func aFullBatchGoesAtOnceAndTheRestWaitsForTheFlush() async throws {
        let (manager, _) = try Self.manager { $0.announcementBatchLimit = 3 }
        var remote = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        let transactions = try (0..<7).map { try Self.transfer(nonce: $0) }
        let items = transactions.map { InventoryItem(kind: .transaction, id: $0.id) }

        var sent: [[InventoryItem]] = []
        for (index, transaction) in transactions.enumerated() {
            let actions = await manager.handle(.localTransaction(transaction), now: 10)
            let inventories = Self.inventories(remote.messages(actions, peer: 1))
            // The third and sixth fill a batch; the others only queue.
            #expect(inventories.count == (index == 2 || index == 5 ? 1 : 0))
            sent += inventories
        }
        sent += Self.inventories(remote.messages(await manager.handle(.flushAnnouncements, now: 100), peer: 1))
        #expect(sent == [Array(items[0..<3]), Array(items[3..<6]), [items[6]]])
    }

    /// Peer 1 announces a transaction and sends it; peer 3 announces the same one before the
    /// next flush. Only peer 2 hears of it from us.
    @Test func aTransactionIsNotAnnouncedToItsSourceNorToAPeerThatAnnouncedIt() async throws {
        let (manager, chain) = try Self.manager()
        var source = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        var other = try await Remote.connect(manager, peer: 2, seed: 3, genesis: Self.genesis.id)
        var announcer = try await Remote.connect(manager, peer: 3, seed: 4, genesis: Self.genesis.id)
        let transaction = try Self.transfer(nonce: 0)
        let inv = Message.inv(InvMessage(items: [InventoryItem(kind: .transaction, id: transaction.id)]))

        let asked = await Remote.deliver(source.frames(inv), from: 1, to: manager)
        #expect(source.messages(asked, peer: 1).contains { if case .getData = $0 { return true } else { return false } })
        var actions = await Remote.deliver(source.frames(.tx(TxMessage(transaction: transaction))), from: 1, to: manager)
        #expect(await chain.hasTransaction(transaction.id))
        actions += await Remote.deliver(announcer.frames(inv), from: 3, to: manager)
        actions += await manager.handle(.flushAnnouncements, now: 100)

        #expect(Self.inventories(other.messages(actions, peer: 2)) == [[InventoryItem(kind: .transaction, id: transaction.id)]])
        #expect(Self.inventories(source.messages(actions, peer: 1)).isEmpty)
        #expect(Self.inventories(announcer.messages(actions, peer: 3)).isEmpty)
        #expect(!actions.contains { if case .close = $0 { return true } else { return false } })
    }

    /// A block of this node's goes out at once, as its header (a push saves the peer the
    /// `getheaders` round trip an `inv` costs), and only once.
    @Test func aBlockIsStillAnnouncedAtOnceByItsHeader() async throws {
        let (manager, _) = try Self.manager()
        var remote = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        let block = InMemoryPeerBlocks.chain(after: Self.genesis, count: 1)[0]
        let actions = await manager.handle(.localBlock(block), now: 10)
        #expect(remote.messages(actions, peer: 1) == [.headers(HeadersMessage(headers: [block.header]))])
        #expect(await manager.handle(.localBlock(block), now: 20).isEmpty)
    }

    /// The ordinary once-a-second tick sends what is queued too, so a host that never sends
    /// `flushAnnouncements` still announces.
    @Test func theTickAlsoFlushes() async throws {
        let (manager, _) = try Self.manager()
        var remote = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        let transaction = try Self.transfer(nonce: 0)
        _ = await manager.handle(.localTransaction(transaction), now: 10)
        let actions = await manager.handle(.tick, now: 1_000)
        #expect(Self.inventories(remote.messages(actions, peer: 1)) == [[InventoryItem(kind: .transaction, id: transaction.id)]])
    }

    /// A line 0 - 1 - 2 in memory, whole frames: five transactions submitted at node 0 reach
    /// node 2 with one `inv` per link, one `getdata` each way, and nothing announced back.
    @Test func fiveTransactionsCrossALineWithOneInvPerLink() async throws {
        let chains = (0..<3).map { _ in InMemoryPeerChain(genesis: Self.genesis) }
        let network = InMemoryPeerNetwork()
        for (index, chain) in chains.enumerated() { try network.addNode(chain: chain, genesis: Self.genesis.id, seed: UInt8(index + 1)) }
        await network.connect(0, 1)
        await network.connect(1, 2)
        #expect(await network.run())
        let transactions = try (0..<5).map { try Self.transfer(nonce: $0) }
        for transaction in transactions {
            _ = await chains[0].acceptTransaction(transaction)
            await network.deliver(.localTransaction(transaction), at: 0)
        }
        #expect(network.count(.inv, to: 1) == 0)
        await network.flushAnnouncements()
        // Node 1 fetched them as the first flush answered; its own flush sends them on.
        await network.flushAnnouncements()
        for transaction in transactions { #expect(await chains[2].hasTransaction(transaction.id)) }
        #expect(network.count(.inv, to: 1) == 1)
        #expect(network.count(.inv, to: 2) == 1)
        #expect(network.count(.inv, to: 0) == 0)
        #expect(network.count(.getData, to: 0) == 1)
        #expect(network.count(.getData, to: 1) == 1)
        #expect(network.count(.tx, to: 2) == 5)
        #expect(network.closures.isEmpty)
    }

    /// The default batch is the wire's cap: a queue one over it goes out as two `inv`s, and a
    /// peer's decoder takes the first whole (while it refuses one item more, so the cap is real).
    @Test func batchesRespectTheWireCap() throws {
        var queue = AnnouncementQueue()
        let ids = (0..<(WireLimits.inventoryItems + 1)).compactMap { Self.id($0) }
        #expect(ids.count == WireLimits.inventoryItems + 1)
        for id in ids { queue.append(id) }
        #expect(queue.isFull)
        let batches = queue.batches(queue.drain())
        #expect(batches.map(\.count) == [WireLimits.inventoryItems, 1])
        #expect(batches.flatMap { $0 } == ids)
        #expect(queue.count == 0)

        let full = InvMessage(items: batches[0].map { InventoryItem(kind: .transaction, id: $0) })
        #expect(try Message(type: MessageType.inv.rawValue, payload: Message.inv(full).payload) == .inv(full))
        let over = InvMessage(items: ids.map { InventoryItem(kind: .transaction, id: $0) })
        #expect(throws: (any Error).self) { try Message(type: MessageType.inv.rawValue, payload: Message.inv(over).payload) }
        #expect(AnnouncementQueue(batchLimit: WireLimits.inventoryItems * 2).batchLimit == WireLimits.inventoryItems)
    }

    @Test func anIdQueuedTwiceIsSentOnce() throws {
        var queue = AnnouncementQueue(batchLimit: 10)
        let id = try #require(Self.id(1))
        #expect(queue.append(id) == true)
        #expect(queue.append(id) == false)
        #expect(queue.drain() == [id])
        #expect(queue.append(id) == true)
    }

    static func manager(configure: (inout PeerConfiguration) -> Void = { _ in }) throws -> (PeerManager, InMemoryPeerChain) {
        let chain = InMemoryPeerChain(genesis: genesis)
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 9333)
        configuration.targetOutbound = 0
        configure(&configuration)
        let manager = PeerManager(configuration: configuration, crypto: try crypto(1), chain: chain,
                                  addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
        return (manager, chain)
    }

    /// The items of every `inv` among `messages`, one list per `inv`.
    static func inventories(_ messages: [Message]) -> [[InventoryItem]] {
        messages.compactMap { if case let .inv(inv) = $0 { return inv.items } else { return nil } }
    }

    /// A distinct id per number.
    static func id(_ number: Int) -> Hash256? {
        Hash256(bytes: withUnsafeBytes(of: UInt64(number).littleEndian, Array.init) + [UInt8](repeating: 0xAB, count: 24))
    }

    /// A distinct (unsigned: the in-memory chain does not check signatures) transfer per nonce.
    static func transfer(nonce: UInt64) throws -> Transaction {
        let sender = try PrivateKey(seed: [UInt8](repeating: 9, count: 32)).publicKey
        return Transaction(chainId: 7, sender: sender, nonce: nonce, fee: Amount(baseUnits: 1),
                           payload: .transfer(Transfer(to: Address(publicKey: sender), amount: Amount(baseUnits: 1))),
                           signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
    }
}

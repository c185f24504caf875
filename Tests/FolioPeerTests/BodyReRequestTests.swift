import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// A body request past its deadline is asked of a second peer only when the first has gone
/// quiet (or after the longest wait), and a body that arrives after the request moved is
/// never unrequested data: on a loaded machine the first peer is busy, not gone, and both
/// bodies crossing the link was B11's excess (docs/benchmarks.md).
@Suite struct BodyReRequestTests {
    static let genesis = InMemoryPeerBlocks.genesis()
    static let blocks = InMemoryPeerBlocks.chain(after: genesis, count: 2)

    // MARK: the scheduler alone

    @Test func aResponsivePeerGetsMoreTimeUpToTheLongestWait() {
        var scheduler = BlockDownloadScheduler(perPeerLimit: 4, timeoutMillis: 100, maxWaitMillis: 350)
        let id = Self.blocks[0].id
        scheduler.enqueue(id, height: 1)
        #expect(scheduler.assign(peers: [(1, 5)], now: 0)[1] == [id])
        for now: Int64 in [100, 200, 300] {
            let expiry = scheduler.expire(now: now) { $0 == 1 }
            #expect(expiry.extended.map(\.peer) == [1])
            #expect(expiry.reassigned.isEmpty)
            #expect(scheduler.assign(peers: [(1, 5), (2, 5)], now: now).isEmpty)
        }
        // The last extension ends at the longest wait, not a whole timeout later.
        #expect(scheduler.expire(now: 349) { $0 == 1 }.extended.isEmpty)
        let expiry = scheduler.expire(now: 350) { $0 == 1 }
        #expect(expiry.reassigned.map(\.peer) == [1])
        #expect(scheduler.assign(peers: [(1, 5), (2, 5)], now: 350)[2] == [id])
    }

    @Test func aQuietPeerLosesTheRequestAtTheFirstDeadline() {
        var scheduler = BlockDownloadScheduler(perPeerLimit: 4, timeoutMillis: 100)
        let id = Self.blocks[0].id
        scheduler.enqueue(id, height: 1)
        _ = scheduler.assign(peers: [(1, 5)], now: 0)
        let expiry = scheduler.expire(now: 100) { $0 == 2 }
        #expect(expiry.reassigned.map(\.peer) == [1])
        #expect(scheduler.assign(peers: [(1, 5), (2, 5)], now: 100)[2] == [id])
    }

    @Test func theSecondAnswerIsLateWhicheverPeerSendsItAndOnlyOnce() {
        for firstToAnswer in [1, 2] {
            var scheduler = BlockDownloadScheduler(perPeerLimit: 4, timeoutMillis: 100)
            let block = Self.blocks[0]
            scheduler.enqueue(block.id, height: 1)
            _ = scheduler.assign(peers: [(1, 5)], now: 0)
            _ = scheduler.expire(now: 100)
            #expect(scheduler.assign(peers: [(1, 5), (2, 5)], now: 100)[2] == [block.id])
            let secondToAnswer = 3 - firstToAnswer
            #expect(scheduler.receive(block, from: firstToAnswer) == .awaited)
            #expect(scheduler.nextConnectable() == block)
            #expect(scheduler.receive(block, from: secondToAnswer) == .late)
            // One answer per request: a third copy, or a body from a peer never asked, is unrequested.
            #expect(scheduler.receive(block, from: secondToAnswer) == .unrequested)
            #expect(scheduler.receive(block, from: 3) == .unrequested)
        }
    }

    /// The body moved back to the queue but no peer had room yet; the first peer's answer
    /// then comes, is kept, and the body is not asked for again.
    @Test func aLateAnswerBeforeTheReRequestCancelsIt() {
        var scheduler = BlockDownloadScheduler(perPeerLimit: 1, timeoutMillis: 100)
        let block = Self.blocks[0]
        scheduler.enqueue(block.id, height: 1)
        _ = scheduler.assign(peers: [(1, 5)], now: 0)
        _ = scheduler.expire(now: 100)
        #expect(scheduler.receive(block, from: 1) == .awaited)
        #expect(scheduler.assign(peers: [(1, 5), (2, 5)], now: 100).isEmpty)
        #expect(scheduler.nextConnectable() == block)
    }

    // MARK: a manager with two peers

    /// Peer 1 is asked for the body and keeps talking (a ping every 5 s) without sending it:
    /// no second request until the longest wait (4 timeouts, 20 s); the re-request is logged;
    /// then both bodies arrive and neither peer is blamed.
    @Test func aBusyPeerIsWaitedForAndItsLateBodyIsNoOffence() async throws {
        var link = try await Link.start()
        #expect(await link.headersFromBoth(at: 0).askedForBody == [1])
        for second: Int64 in [4, 9, 14, 19] {
            _ = await link.send(.ping(PingMessage(nonce: UInt64(second))), from: 1, at: second * 1_000)
            let tick = await link.tick(at: (second + 1) * 1_000)
            if second + 1 < 20 {
                #expect(tick.askedForBody.isEmpty)
                #expect(tick.notes(.debug).count == 1)
            } else {
                #expect(tick.askedForBody == [2])
                #expect(tick.notes(.info).count == 1)
            }
        }
        let first = await link.body(from: 1, at: 20_500)
        #expect(await link.chain.tip == Self.blocks[0].id)
        let second = await link.body(from: 2, at: 20_600)
        #expect(second.notes(.debug).count == 1)
        #expect(!first.closes && !second.closes)
        #expect(await link.manager.peers[1]?.score.value == 0)
        #expect(await link.manager.peers[2]?.score.value == 0)
        #expect(await link.manager.establishedPeers == [1, 2])
    }

    /// Peer 1 sends nothing after the header: its request moves to peer 2 at the first
    /// deadline, as before; peer 2 answers, and peer 1's late body costs it nothing.
    @Test func aQuietPeerLosesTheBodyAtTheDeadlineAndItsLateBodyIsNoOffence() async throws {
        var link = try await Link.start()
        #expect(await link.headersFromBoth(at: 0).askedForBody == [1])
        #expect(await link.tick(at: 4_999).askedForBody.isEmpty)
        #expect(await link.tick(at: 5_000).askedForBody == [2])
        _ = await link.body(from: 2, at: 5_100)
        #expect(await link.chain.tip == Self.blocks[0].id)
        let late = await link.body(from: 1, at: 5_200)
        #expect(!late.closes)
        #expect(await link.manager.peers[1]?.score.value == 0)
        // A second copy from the same peer answers nothing: that one is unrequested.
        _ = await link.body(from: 1, at: 5_300)
        #expect(await link.manager.peers[1]?.score.value == Misbehaviour.unrequestedData.penalty)
    }

    /// What the manager did in one step, with every frame it sent opened by its peer.
    struct Step {
        let actions: [PeerAction]
        let messages: [(peer: Int, message: Message)]

        /// The peers asked (`getdata`) for block 1's body, in order.
        var askedForBody: [Int] {
            messages.compactMap { peer, message in
                guard case let .getData(request) = message,
                      request.items.contains(InventoryItem(kind: .block, id: blocks[0].id)) else { return nil }
                return peer
            }
        }

        var closes: Bool { actions.contains { if case .close = $0 { return true } else { return false } } }

        func notes(_ level: PeerNoteLevel) -> [String] {
            actions.compactMap { if case let .note(noted, text) = $0, noted == level { return text } else { return nil } }
        }
    }

    /// A manager at genesis with two inbound peers that both have block 1.
    struct Link {
        let manager: PeerManager
        let chain: InMemoryPeerChain
        var remotes: [Int: Remote]

        static func start() async throws -> Link {
            let chain = InMemoryPeerChain(genesis: genesis)
            var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 9333)
            configuration.targetOutbound = 0
            let manager = PeerManager(configuration: configuration, crypto: try crypto(1), chain: chain,
                                      addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
            let one = try await Remote.connect(manager, peer: 1, seed: 2, genesis: genesis.id)
            let two = try await Remote.connect(manager, peer: 2, seed: 3, genesis: genesis.id)
            return Link(manager: manager, chain: chain, remotes: [1: one, 2: two])
        }

        /// Both peers push block 1's header, peer 1 first.
        mutating func headersFromBoth(at now: Int64) async -> Step {
            let first = await send(.headers(HeadersMessage(headers: [blocks[0].header])), from: 1, at: now)
            let second = await send(.headers(HeadersMessage(headers: [blocks[0].header])), from: 2, at: now)
            return Step(actions: first.actions + second.actions, messages: first.messages + second.messages)
        }

        mutating func body(from peer: Int, at now: Int64) async -> Step {
            await send(.block(BlockMessage(block: blocks[0])), from: peer, at: now)
        }

        mutating func tick(at now: Int64) async -> Step {
            open(await manager.handle(.tick, now: now))
        }

        mutating func send(_ message: Message, from peer: Int, at now: Int64) async -> Step {
            guard var remote = remotes[peer] else { return Step(actions: [], messages: []) }
            let frames = remote.frames(message)
            remotes[peer] = remote
            var actions: [PeerAction] = []
            for frame in frames { actions += await manager.handle(.frame(peer: peer, frame), now: now) }
            // As the network does: a body's validation is an event of its own, sent back.
            if actions.contains(.connectBlocks) { actions += await manager.handle(.connectBlocks, now: now) }
            return open(actions)
        }

        /// Every frame goes through its peer's session, once and in order, so later ones open.
        private mutating func open(_ actions: [PeerAction]) -> Step {
            var messages: [(peer: Int, message: Message)] = []
            for case let .send(peer, frame, _) in actions {
                guard var remote = remotes[peer] else { continue }
                for case let .message(message) in remote.session.receive(frame) { messages.append((peer, message)) }
                remotes[peer] = remote
            }
            return Step(actions: actions, messages: messages)
        }
    }
}

import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// Nodes joined in memory through `InMemoryPeerNetwork`: full frames, sealed, no sockets.
@Suite struct InMemoryNetworkTests {
    @Test func twoNodesCompleteTheHandshakeInTheDocumentedOrder() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 1)
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 2)
        await network.connect(0, 1)
        #expect(await network.run())
        let order = network.deliveries.prefix(8).map { "\($0.from)>\($0.to):\($0.type?.description ?? "?")" }
        #expect(order == ["0>1:hello", "1>0:hello", "1>0:auth", "0>1:auth", "0>1:version", "1>0:version", "1>0:verack", "0>1:verack"])
        #expect(await network.nodes[0].manager.establishedPeers.count == 1)
        #expect(await network.nodes[1].manager.establishedPeers.count == 1)
    }

    @Test func aNodeThatJoinsLateSyncsTheWholeChainFromScratch() async throws {
        let (full, genesis, blocks) = await chainWithBlocks(30)
        let empty = InMemoryPeerChain(genesis: genesis)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: full, genesis: genesis.id, seed: 1)
        try network.addNode(chain: empty, genesis: genesis.id, seed: 2)
        await network.connect(1, 0)
        #expect(await network.run())
        #expect(await empty.tip == blocks[29].id)
        #expect(await network.nodes[1].manager.progress() == SyncProgress(knownHeight: 30, validatedHeight: 30, pendingBodies: 0))
        #expect(network.count(.block, to: 1) == 30)
    }

    @Test func threeNodesInALineConvergeOnOneChain() async throws {
        let (full, genesis, blocks) = await chainWithBlocks(12)
        let middle = InMemoryPeerChain(genesis: genesis), far = InMemoryPeerChain(genesis: genesis)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: full, genesis: genesis.id, seed: 1)
        try network.addNode(chain: middle, genesis: genesis.id, seed: 2)
        try network.addNode(chain: far, genesis: genesis.id, seed: 3)
        await network.connect(2, 1)
        await network.connect(1, 0)
        #expect(await network.run())
        #expect(await middle.tip == blocks[11].id)
        #expect(await far.tip == blocks[11].id)
    }

    @Test func aNewBlockReachesEveryNodeAndEachFetchesItsBodyOnce() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let chains = (0..<3).map { _ in InMemoryPeerChain(genesis: genesis) }
        let network = InMemoryPeerNetwork()
        for (index, chain) in chains.enumerated() { try network.addNode(chain: chain, genesis: genesis.id, seed: UInt8(index + 1)) }
        await network.connect(0, 1)
        await network.connect(1, 2)
        await network.connect(2, 0)
        await network.run()
        let block = InMemoryPeerBlocks.chain(after: genesis, count: 1)[0]
        await chains[0].extend(with: [block])
        await network.announceBlock(block, from: 0)
        #expect(await chains[1].tip == block.id)
        #expect(await chains[2].tip == block.id)
        #expect(network.count(.block, to: 1) == 1)
        #expect(network.count(.block, to: 2) == 1)
        #expect(network.count(.block, to: 0) == 0)
    }

    /// A line 0 - 1 - 2: node 1 pushes the new header to node 2 as soon as the body it
    /// fetched matches the header's Merkle root, ahead of validating it, so node 2 hears of
    /// the block without an `inv` round (the old relay sent `inv` after validation, and node 2
    /// asked for the headers); node 2 fetches the body from node 1 once. Node 0, whose block
    /// it is, pushes its header too, so nobody asks anyone for headers.
    @Test func aHeaderIsPushedOnAfterItsMerkleCheckWithoutAnInvRound() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let chains = (0..<3).map { _ in InMemoryPeerChain(genesis: genesis) }
        let network = InMemoryPeerNetwork()
        for (index, chain) in chains.enumerated() { try network.addNode(chain: chain, genesis: genesis.id, seed: UInt8(index + 1)) }
        await network.connect(0, 1)
        await network.connect(1, 2)
        await network.run()
        let block = InMemoryPeerBlocks.chain(after: genesis, count: 1)[0]
        await chains[0].extend(with: [block])
        await network.announceBlock(block, from: 0)
        #expect(await chains[1].tip == block.id)
        #expect(await chains[2].tip == block.id)
        #expect(network.count(.inv, to: 1) == 0)
        #expect(network.count(.inv, to: 2) == 0)
        #expect(network.count(.getHeaders, to: 0) == 0)
        #expect(network.count(.getHeaders, to: 1) == 0)
        #expect(network.count(.block, to: 2) == 1)
        #expect(network.closures.isEmpty)
    }

    @Test func bodiesAreDownloadedFromSeveralPeersInParallel() async throws {
        let (first, genesis, blocks) = await chainWithBlocks(40)
        let second = InMemoryPeerChain(genesis: genesis)
        await second.extend(with: blocks)
        let empty = InMemoryPeerChain(genesis: genesis)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: first, genesis: genesis.id, seed: 1)
        try network.addNode(chain: second, genesis: genesis.id, seed: 2)
        try network.addNode(chain: empty, genesis: genesis.id, seed: 3)
        await network.connect(2, 0)
        await network.connect(2, 1)
        #expect(await network.run())
        #expect(await empty.tip == blocks[39].id)
        #expect(network.count(.getData, to: 0) > 0)
        #expect(network.count(.getData, to: 1) > 0)
        #expect(network.count(.block, to: 2) == 40)
    }

    @Test func aPeerSendingAnInvalidBlockIsDisconnectedAndDiscouragedOnTheFirstOffence() async throws {
        let (bad, genesis, blocks) = await chainWithBlocks(5)
        let victim = InMemoryPeerChain(genesis: genesis)
        await victim.markInvalid(blocks[2].id)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: bad, genesis: genesis.id, seed: 1)
        try network.addNode(chain: victim, genesis: genesis.id, seed: 2)
        await network.connect(1, 0)
        await network.run()
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 1, remote: 0, reason: .misbehaviour)))
        #expect(network.discouraged.map(\.node) == [1])
        #expect(network.discouraged.first?.ip == network.nodes[0].address.ip)
        #expect(await victim.tip == blocks[1].id)
        #expect(await network.nodes[1].manager.addressBook.isDiscouraged(network.nodes[0].address.ip, now: network.now))
    }

    /// Node 1 allows its peers 4 frames at once and 1 a second after; node 0 answers its
    /// handshake and serves five blocks, more frames than that, and is cut off as a flood.
    @Test func aPeerSendingFramesFasterThanItsBudgetIsDisconnectedAndDiscouraged() async throws {
        let (full, genesis, _) = await chainWithBlocks(5)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: full, genesis: genesis.id, seed: 1)
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 2) {
            $0.framesPerSecond = 1
            $0.frameBurst = 4
        }
        await network.connect(1, 0)
        await network.run()
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 1, remote: 0, reason: .misbehaviour)))
        #expect(network.discouraged.map(\.node) == [1])
    }

    /// Every process on this machine shares 127.0.0.1: a misbehaving loopback peer is cut off,
    /// but the address is not discouraged, or the node would refuse all its local peers.
    @Test func aMisbehavingLoopbackPeerIsDisconnectedButNotDiscouraged() async throws {
        let (bad, genesis, blocks) = await chainWithBlocks(5)
        let victim = InMemoryPeerChain(genesis: genesis)
        await victim.markInvalid(blocks[2].id)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: bad, genesis: genesis.id, seed: 1, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 19_001))
        try network.addNode(chain: victim, genesis: genesis.id, seed: 2, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 19_003))
        await network.connect(1, 0)
        await network.run()
        #expect(network.closures.contains(InMemoryPeerNetwork.Closure(node: 1, remote: 0, reason: .misbehaviour)))
        #expect(network.discouraged.isEmpty)
        #expect(await victim.tip == blocks[1].id)
        #expect(await !network.nodes[1].manager.addressBook.isDiscouraged(IPAddress(127, 0, 0, 1), now: network.now))
    }

    @Test func aPeerOnAnotherGenesisIsDisconnectedWithThatReason() async throws {
        let ours = InMemoryPeerBlocks.genesis(), theirs = InMemoryPeerBlocks.chain(after: ours, count: 1)[0]
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: ours), genesis: ours.id, seed: 1)
        try network.addNode(chain: InMemoryPeerChain(genesis: ours), genesis: theirs.id, seed: 2)
        await network.connect(0, 1)
        await network.run()
        #expect(network.closures.map(\.reason) == [.wrongGenesis, .wrongGenesis])
        #expect(network.discouraged.isEmpty)
    }

    @Test func aPeerThatStopsAnsweringPingsIsDropped() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 1)
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 2)
        await network.connect(0, 1)
        await network.run()
        await network.advance(by: 30_000)
        #expect(network.count(.pong, to: 0) == 1)
        #expect(network.closures.isEmpty)
        network.muted = [1]
        await network.advance(by: 30_000)
        await network.advance(by: 19_999)
        #expect(network.closures.isEmpty)
        await network.advance(by: 1)
        #expect(network.closures.first == InMemoryPeerNetwork.Closure(node: 0, remote: 1, reason: .timeout))
    }

    @Test func aHandshakeThatDoesNotFinishInTimeIsDropped() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 1)
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 2)
        network.muted = [1]
        await network.connect(0, 1)
        await network.run()
        await network.advance(by: 10_000)
        #expect(network.closures.map(\.reason) == [.timeout, .timeout])
    }

    /// The one inbound peer, established, holds its group's protected slot, so nothing can be
    /// evicted for the newcomer (`InboundEvictionManagerTests` has the evicting cases).
    @Test func inboundConnectionsOverTheLimitAreRefusedWhenNoHeldPeerCanBeEvicted() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 1) { $0.maxInbound = 1 }
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 2)
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 3)
        await network.connect(1, 0)
        await network.run()
        await network.connect(2, 0)
        await network.run()
        #expect(network.closures.first == InMemoryPeerNetwork.Closure(node: 0, remote: 2, reason: .tooManyPeers))
        #expect(await network.nodes[0].manager.establishedPeers.count == 1)
    }

    @Test func outboundPeersLearnAddressesAndDialThemUpToTheTarget() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let network = InMemoryPeerNetwork()
        for seed in 1...3 {
            try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: UInt8(seed)) {
                $0.targetOutbound = seed == 3 ? 2 : 0
            }
        }
        // Node 0 dials node 1, so node 1 learns node 0's listening address; node 2 then asks node 1.
        await network.connect(0, 1)
        await network.connect(2, 1)
        await network.run()
        await network.advance(by: 1)
        #expect(network.deliveries.contains { $0.from == 2 && $0.to == 0 && $0.type == .hello })
        #expect(await network.nodes[2].manager.establishedPeers.count == 2)
    }
}

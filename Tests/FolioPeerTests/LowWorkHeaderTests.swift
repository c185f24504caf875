import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// The low-work rule in memory (docs/p2p.md, "Low-work headers"): headers of a branch with less
/// work than our tip are neither stored nor fetched, a heavier branch still is, even one that
/// takes more than one batch to overtake us, and a long low-work stream costs a bounded amount.
/// Work is read from the seal's bits (`InMemoryPeerBlocks.work(of:)`): a light block is worth
/// 1, a heavy one 256.
@Suite struct LowWorkHeaderTests {
    /// Node 0 serves `branch` (a fork from genesis); node 1, the node under test, holds `ours`.
    /// Node 0 dials node 1 unless `victimDials`.
    private func network(ours: [Block], branch: [Block], genesis: Block) async throws
        -> (network: InMemoryPeerNetwork, victim: InMemoryPeerChain, peer: InMemoryPeerChain) {
        let peer = InMemoryPeerChain(genesis: genesis), victim = InMemoryPeerChain(genesis: genesis)
        await peer.extend(with: branch)
        await victim.extend(with: ours)
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: peer, genesis: genesis.id, seed: 1)
        try network.addNode(chain: victim, genesis: genesis.id, seed: 2)
        return (network, victim, peer)
    }

    /// Ten heavy blocks (work 2,560) against 2,500 light ones from genesis (work 2,500): the
    /// peer is asked for its headers (it claims the greater height), sends a full batch and the
    /// rest; the node keeps none, asks for no body, and does not blame the peer.
    @Test func aValidBranchWithLessWorkIsNeitherStoredNorFetched() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let ours = InMemoryPeerBlocks.chain(after: genesis, count: 10, bits: InMemoryPeerBlocks.heavyBits)
        let branch = InMemoryPeerBlocks.chain(after: genesis, count: 2_500, salt: 1)
        let (network, victim, _) = try await network(ours: ours, branch: branch, genesis: genesis)
        await network.connect(1, 0)
        #expect(await network.run())

        #expect(network.count(.headers, to: 1) == 2)
        #expect(await victim.headerCount == 11)
        for block in [branch[0], branch[1_999], branch[2_499]] { #expect(await !victim.holdsHeader(block.id)) }
        #expect(network.count(.getData, to: 0) == 0)
        #expect(network.count(.block, to: 1) == 0)
        #expect(await victim.tip == ours[9].id)
        #expect(network.closures.isEmpty)
        #expect(await network.nodes[1].manager.establishedPeers.count == 1)
        #expect(await network.nodes[1].manager.peers.values.allSatisfy { $0.presync == nil })
    }

    /// Both at height 3: the node on three heavy blocks (work 768), the peer on two of them
    /// and a light block beside the third (work 513). The peer announces its light block; the
    /// node asks for the path, is sent that one header, and neither keeps it nor fetches its
    /// body. Then the peer takes the third heavy block and a heavy fourth and announces that:
    /// the node keeps it, fetches its one body and moves to it.
    @Test func anAnnouncedHeaderIsKeptOnlyIfItsBranchReachesOurWork() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let ours = InMemoryPeerBlocks.chain(after: genesis, count: 3, bits: InMemoryPeerBlocks.heavyBits)
        let light = InMemoryPeerBlocks.chain(after: ours[1], count: 1, salt: 2)[0]
        let heavy = InMemoryPeerBlocks.chain(after: ours[2], count: 1, salt: 2, bits: InMemoryPeerBlocks.heavyBits)[0]
        let (network, victim, peer) = try await network(ours: ours, branch: Array(ours.prefix(2)) + [light], genesis: genesis)
        await network.connect(0, 1)
        #expect(await network.run())
        await network.announceBlock(light, from: 0)
        #expect(network.count(.headers, to: 1) == 1)
        #expect(await !victim.holdsHeader(light.id))
        #expect(network.count(.getData, to: 0) == 0)

        await peer.extend(with: [ours[2], heavy])
        await network.announceBlock(heavy, from: 0)
        #expect(await victim.tip == heavy.id)
        #expect(network.count(.block, to: 1) == 1)
        #expect(network.closures.isEmpty)
    }

    /// Partition healed: the node is on ten light blocks (work 10); the peer on five heavy
    /// ones (work 1,280) from genesis. The peer's new block is announced; the node asks for
    /// the path, stores the heavier branch, fetches its six bodies and reorganises onto it. The
    /// peer, asking the other way, stores none of the node's lighter headers.
    @Test func aHeavierBranchIsStoredAndSynced() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let ours = InMemoryPeerBlocks.chain(after: genesis, count: 10)
        let branch = InMemoryPeerBlocks.chain(after: genesis, count: 6, salt: 1, bits: InMemoryPeerBlocks.heavyBits)
        let (network, victim, peer) = try await network(ours: ours, branch: Array(branch.prefix(5)), genesis: genesis)
        await network.connect(1, 0)
        #expect(await network.run())
        #expect(await peer.headerCount == 6)

        await peer.extend(with: [branch[5]])
        await network.announceBlock(branch[5], from: 0)
        #expect(await victim.tip == branch[5].id)
        #expect(network.count(.block, to: 1) == 6)
        #expect(network.closures.isEmpty)
    }

    /// A heavier branch that needs more than one batch to overtake: ten heavy blocks (2,560)
    /// against 4,500 light ones. The first batch (2,000) is counted, not stored; the second
    /// passes 2,560 at its 560th header; the branch is then downloaded again from genesis, a
    /// batch up to the first checkpoint (header 2,000), one up to the target (header 2,560),
    /// and the rest the ordinary way. Every body is fetched once and the node ends on the
    /// branch's tip.
    @Test func aHeavierBranchLongerThanABatchIsCountedThenDownloadedAgain() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let ours = InMemoryPeerBlocks.chain(after: genesis, count: 10, bits: InMemoryPeerBlocks.heavyBits)
        let branch = InMemoryPeerBlocks.chain(after: genesis, count: 4_500, salt: 1)
        let (network, victim, _) = try await network(ours: ours, branch: branch, genesis: genesis)
        await network.connect(1, 0)
        #expect(await network.run())

        #expect(await victim.tip == branch[4_499].id)
        #expect(network.count(.block, to: 1) == 4_500)
        // Asked at the handshake, for the second batch, from genesis again, after the
        // checkpoint, and after the target (the 1,940 headers left come in one batch).
        #expect(network.count(.getHeaders, to: 0) == 5)
        #expect(network.closures.isEmpty)
    }

    /// 54,000 light headers (work 54,000) against 300 heavy blocks (76,800): the peer keeps
    /// sending full batches, each answered with the next request, until the branch passes
    /// `HeaderPresync.maxHeaders` (after the 25th batch the 26th is dropped). Throughout, the
    /// node holds no header of it, asks for no body, and keeps at most 11 headers and 25
    /// checkpoint ids for the peer, whatever the stream's length.
    @Test func aLongLowWorkStreamCostsABoundedAmountAndEnds() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let ours = InMemoryPeerBlocks.chain(after: genesis, count: 300, bits: InMemoryPeerBlocks.heavyBits)
        let branch = InMemoryPeerBlocks.chain(after: genesis, count: 54_000, salt: 1)
        let (network, victim, _) = try await network(ours: ours, branch: branch, genesis: genesis)
        await network.connect(1, 0)
        var mostRecent = 0, mostCheckpoints = 0, steps = 0
        while !(await network.run(maxSteps: 1)) {
            steps += 1
            for state in await network.nodes[1].manager.peers.values {
                mostRecent = max(mostRecent, state.presync?.branch.recent.count ?? 0)
                mostCheckpoints = max(mostCheckpoints, state.presync?.checkpoints.count ?? 0)
            }
            #expect(steps < 10_000)
            if steps >= 10_000 { break }
        }
        #expect(network.count(.headers, to: 1) == 26)
        #expect(network.count(.getHeaders, to: 0) == 26)
        #expect(mostRecent == LowWorkBranch.recentLimit)
        #expect(mostCheckpoints == 25)
        #expect(await victim.headerCount == 301)
        #expect(network.count(.getData, to: 0) == 0)
        #expect(await network.nodes[1].manager.peers.values.allSatisfy { $0.presync == nil })
        #expect(network.closures.isEmpty)
    }

    /// Downloading again, a batch must hold the checkpoint counted (a header id commits to
    /// all before it) and be a chain: another branch of the same length, or the same headers
    /// with one left out, is refused.
    @Test func aBatchDownloadedAgainMustBeTheOneCounted() {
        let genesis = InMemoryPeerBlocks.genesis()
        let counted = InMemoryPeerBlocks.chain(after: genesis, count: 2_100)
        let other = InMemoryPeerBlocks.chain(after: genesis, count: 2_000, salt: 9).map(\.header)
        let first = Array(counted.prefix(2_000)).map(\.header)
        var presync = HeaderPresync(branch: LowWorkBranch(anchor: genesis.id, recent: first, work: BranchWork(bytes: []), length: 2_000))
        presync.reached(at: 50, of: Array(counted[2_000...]).map(\.header))
        #expect(presync.committedPrefix(of: other) == nil)
        var gapped = first
        gapped.remove(at: 1_000)
        #expect(presync.committedPrefix(of: gapped) == nil)
        #expect(presync.committedPrefix(of: first) == first)
        #expect(presync.stored() == false)
        let rest = Array(counted[2_000...]).map(\.header)
        #expect(presync.committedPrefix(of: rest) == Array(rest.prefix(51)))
        #expect(presync.stored() == true)
    }
}

import FolioCore
import FolioTestSupport
import Testing
@testable import FolioPeer

@Suite struct BlockDownloadSchedulerTests {
    static let blocks = InMemoryPeerBlocks.chain(after: InMemoryPeerBlocks.genesis(), count: 6)

    func scheduler(limit: Int = 2) -> BlockDownloadScheduler {
        var scheduler = BlockDownloadScheduler(perPeerLimit: limit, timeoutMillis: 100)
        for block in Self.blocks { scheduler.enqueue(block.id, height: block.header.height) }
        return scheduler
    }

    @Test func bodiesAreSpreadOverPeersUpToTheirLimitAndNeverAskedTwice() {
        var scheduler = scheduler()
        let plan = scheduler.assign(peers: [(1, 10), (2, 10)], now: 0)
        #expect(plan[1]?.count == 2)
        #expect(plan[2]?.count == 2)
        #expect(Set((plan[1] ?? []) + (plan[2] ?? [])).count == 4)
        #expect(scheduler.assign(peers: [(1, 10), (2, 10)], now: 0).isEmpty)
    }

    @Test func aPeerIsNotAskedForBlocksAboveItsHeight() {
        var scheduler = scheduler(limit: 16)
        let plan = scheduler.assign(peers: [(1, 3)], now: 0)
        #expect(plan[1] == Self.blocks.prefix(3).map(\.id))
    }

    @Test func timedOutRequestsGoToAnotherPeer() {
        var scheduler = scheduler(limit: 6)
        _ = scheduler.assign(peers: [(1, 10)], now: 0)
        #expect(scheduler.expire(now: 99).stalledPeers.isEmpty)
        #expect(scheduler.expire(now: 100).stalledPeers == [1])
        let plan = scheduler.assign(peers: [(1, 10), (2, 10)], now: 100)
        #expect(plan[1] == nil)
        #expect(plan[2]?.count == 6)
    }

    @Test func bodiesAreHandedOverInHeightOrderWhateverTheArrivalOrder() {
        var scheduler = scheduler(limit: 6)
        _ = scheduler.assign(peers: [(1, 10)], now: 0)
        #expect(scheduler.receive(Self.blocks[1], from: 1) == .awaited)
        #expect(scheduler.nextConnectable() == nil)
        #expect(scheduler.receive(Self.blocks[0], from: 1) == .awaited)
        #expect(scheduler.nextConnectable() == Self.blocks[0])
        #expect(scheduler.nextConnectable() == Self.blocks[1])
        #expect(scheduler.nextConnectable() == nil)
    }

    @Test func aBodyFromAPeerNotAskedForItIsRefused() {
        var scheduler = scheduler(limit: 6)
        _ = scheduler.assign(peers: [(1, 10)], now: 0)
        #expect(scheduler.receive(Self.blocks[0], from: 2) == .unrequested)
        #expect(scheduler.receive(Self.blocks[0], from: 1) == .awaited)
        #expect(scheduler.receive(Self.blocks[0], from: 1) == .unrequested)
    }

    @Test func notFoundSendsTheRequestElsewhere() {
        var scheduler = scheduler(limit: 1)
        let first = scheduler.assign(peers: [(1, 10)], now: 0)
        let id = first[1]?.first ?? .zero
        scheduler.notFound(id, from: 1, now: 0)
        #expect(scheduler.assign(peers: [(1, 10), (2, 10)], now: 0)[2]?.first == id)
    }

    /// The only peer that could have the body said it lacks it (it announced the header, then
    /// found the block invalid): it is not asked again at once, only after the retry wait.
    @Test func aBodyEveryPeerLacksWaitsBeforeItIsAskedForAgain() {
        var scheduler = BlockDownloadScheduler(perPeerLimit: 1, timeoutMillis: 100)
        let id = Self.blocks[0].id
        scheduler.enqueue(id, height: 1)
        #expect(scheduler.assign(peers: [(1, 10)], now: 0)[1] == [id])
        scheduler.notFound(id, from: 1, now: 500)
        #expect(scheduler.assign(peers: [(1, 10)], now: 600)[1] == nil)
        #expect(scheduler.assign(peers: [(1, 10)], now: 500 + BlockDownloadScheduler.retryMillis - 1)[1] == nil)
        #expect(scheduler.assign(peers: [(1, 10)], now: 500 + BlockDownloadScheduler.retryMillis)[1] == [id])
    }

    /// Bodies wait in memory until every earlier one is in, and validation now runs apart
    /// from the reading of frames, so downloading must not run ahead of the chain without
    /// bound: only the first `windowBlocks` bodies not yet handed over are asked for. A late
    /// first body holds the window however many later ones are in.
    @Test func onlyTheWindowFromTheNextBodyToConnectIsAskedFor() {
        var scheduler = BlockDownloadScheduler(perPeerLimit: 16, timeoutMillis: 100, windowBlocks: 3)
        for block in Self.blocks { scheduler.enqueue(block.id, height: block.header.height) }
        #expect(scheduler.assign(peers: [(1, 10)], now: 0)[1] == Self.blocks.prefix(3).map(\.id))
        #expect(scheduler.receive(Self.blocks[1], from: 1) == .awaited)
        #expect(scheduler.receive(Self.blocks[2], from: 1) == .awaited)
        #expect(scheduler.assign(peers: [(1, 10)], now: 0).isEmpty)
        #expect(scheduler.receive(Self.blocks[0], from: 1) == .awaited)
        #expect(scheduler.assign(peers: [(1, 10)], now: 0).isEmpty)
        #expect(scheduler.nextConnectable() == Self.blocks[0])
        #expect(scheduler.assign(peers: [(1, 10)], now: 0)[1] == [Self.blocks[3].id])
        #expect(scheduler.nextConnectable() == Self.blocks[1])
        #expect(scheduler.nextConnectable() == Self.blocks[2])
        #expect(scheduler.assign(peers: [(1, 10)], now: 0)[1] == Self.blocks[4...5].map(\.id))
    }

    /// A body nobody serves (its header was relayed ahead of validation and the block then
    /// proved invalid: every peer answers `notfound`) does not hold up a sibling that arrives,
    /// but a child of the missing body waits for it.
    @Test func aMissingBodyHoldsUpOnlyItsOwnDescendants() {
        let genesis = InMemoryPeerBlocks.genesis()
        let main = InMemoryPeerBlocks.chain(after: genesis, count: 1, salt: 1)
        let withheld = InMemoryPeerBlocks.chain(after: main[0], count: 2, salt: 2)
        let sibling = InMemoryPeerBlocks.chain(after: main[0], count: 1, salt: 3)[0]
        var scheduler = BlockDownloadScheduler(perPeerLimit: 16, timeoutMillis: 100)
        for block in withheld + [sibling] { scheduler.enqueue(block.id, height: block.header.height) }
        _ = scheduler.assign(peers: [(1, 10)], now: 0)
        #expect(scheduler.receive(withheld[1], from: 1) == .awaited)
        #expect(scheduler.receive(sibling, from: 1) == .awaited)
        scheduler.notFound(withheld[0].id, from: 1, now: 0)
        #expect(scheduler.nextConnectable() == sibling)
        #expect(scheduler.nextConnectable() == nil)
        #expect(scheduler.assign(peers: [(1, 10), (2, 10)], now: 0)[2] == [withheld[0].id])
        #expect(scheduler.receive(withheld[0], from: 2) == .awaited)
        #expect(scheduler.nextConnectable() == withheld[0])
        #expect(scheduler.nextConnectable() == withheld[1])
    }
}

import FolioCore
import FolioPeer
import FolioTestSupport
import FolioWire
import NIOPosix
import Testing
@testable import FolioNode

/// What `ByzantineBlockTests` found one hop from the attacked node, pinned without a race: a
/// peer pushes a valid header unasked, then cannot serve its body (`notfound`), as an honest
/// node does once it has found a block invalid after relaying its header (docs/p2p.md, "Relay
/// before validation"). The next block, a sibling the same peer serves at once, must still
/// connect. Until 2026-12-07 it did not: the body download handed bodies to the chain
/// strictly in the order their headers came (`BlockDownloadScheduler.nextConnectable`), the
/// body nobody serves was first and asked for again every second, and everything behind it
/// waited for good. Now a body whose parent is not itself waiting goes ahead.
@Suite(.serialized, .timeLimit(.minutes(3))) struct HonestPeerStallTests {
    @Test func aRelayedHeaderWhoseBodyNobodyServesDoesNotHoldUpTheNextBlock() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        let params = try PoWHarness.params()
        let node = try P2PHarness.ledger(params)
        try await PoWHarness.produce(on: node, count: 2)
        let tip = await node.chain.tip
        // Two valid siblings on the tip: the first is relayed and never served.
        let withheld = try await ByzantineBlocks.next(on: node, [try P2PHarness.transfer(from: 3, to: 4)])
        let served = try await ByzantineBlocks.next(on: node, [try P2PHarness.transfer(from: 5, to: 6)])
        #expect(withheld.id != served.id && withheld.header.parent == served.header.parent)

        let (service, port) = try await P2PHarness.service(node, name: "stall")
        defer { Task { await service.stop() } }
        // Announcing our own height: the node asks nothing, so the header below is unasked.
        let relayer = try await HostilePeer(
            port: port, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "stall/relayer")),
            version: VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId, bestHeight: tip.height,
                                    listenPort: 0, userAgent: "relayer"))
        #expect(try await relayer.handshake() == .established)
        let serving = Task { try await Self.relay(withheld: withheld, then: served, on: relayer) }
        try await relayer.send(.headers(HeadersMessage(headers: [withheld.header])))

        let reached = await P2PHarness.eventually { await node.chain.tip.id == served.id }
        #expect(reached)
        // Nobody was blamed for it.
        #expect(relayer.channel.isActive)
        await relayer.close()
        let asked = try await serving.value
        #expect(asked.withheld >= 1 && asked.served == 1)
    }

    /// Answers `getdata` for `withheld` with `notfound` (and, the first time, pushes `served`'s
    /// header) and for `served` with its body, until the socket closes; counts the requests.
    static func relay(withheld: Block, then served: Block, on peer: HostilePeer) async throws -> (withheld: Int, served: Int) {
        var asked = (withheld: 0, served: 0)
        while let message = try await peer.nextMessage() {
            guard case let .getData(request) = message else { continue }
            for item in request.items {
                if item.id == withheld.id {
                    asked.withheld += 1
                    try await peer.send(.notFound(NotFoundMessage(items: [item])))
                    if asked.withheld == 1 { try await peer.send(.headers(HeadersMessage(headers: [served.header]))) }
                } else if item.id == served.id {
                    asked.served += 1
                    try await peer.send(.block(BlockMessage(block: served)))
                }
            }
        }
        return asked
    }
}

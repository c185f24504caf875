import FolioCore
import FolioCrypto
import FolioPeer
import FolioTestSupport
import FolioWire
import Logging
import NIOPosix
import Testing
@testable import FolioNode

/// R7's "low-work headers never stored" over real loopback sockets, on a proof-of-work chain
/// (docs/p2p.md, "Low-work headers"). A node holds 2,100 blocks (work 4,200) and two honest
/// outbound peers on the same chain. A hostile peer sends 2,000 headers from genesis, each with
/// a valid seal (work 4,000: less than the node's), three times. The node stores none of them,
/// asks for no body, does not count it as misbehaviour (it asks the peer for the branch's next
/// batch instead, and keeps it linked), and its honest peers stay linked and get its next block.
/// Deadlines are generous polls, never timings.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LowWorkHeaderSpamTests {
    @Test func validSealedLowWorkHeadersFromGenesisAreNeitherStoredNorFetched() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        let params = try PoWHarness.params()
        let (node, first, second) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let blocks = try await PoWHarness.produce(on: node, count: 2_100)
        for block in blocks {
            _ = await first.accept(block, local: false)
            _ = await second.accept(block, local: false)
        }
        let genesis = try #require(try node.store.blockEntry(id: params.genesisId)).header
        let cheap = try PoWHarness.cheapHeaders(after: genesis, count: WireLimits.headers, params: params, salt: 7)
        #expect(PoWHarness.work(of: cheap) < (try await PoWHarness.tipWork(node)))

        let (serviceFirst, portFirst) = try await P2PHarness.service(first, name: "first")
        let (serviceSecond, portSecond) = try await P2PHarness.service(second, name: "second")
        let lines = LogLines()
        let service = P2PService(ledger: node, params: params, host: "127.0.0.1", port: 0,
                                 peers: ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"], maxPeers: 8, outboundTarget: 0,
                                 identity: try DevChain.key(label: "p2p-test/low-work"),
                                 logger: Logger(label: "p2p-test.low-work") { _ in LogCapture(lines: lines) })
        let port = try await service.start()
        defer { Task { await service.stop(); await serviceFirst.stop(); await serviceSecond.stop() } }
        let outbound: Set<String> = ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"]
        @Sendable func outboundLinks() async -> Set<String> { Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address)) }
        #expect(await P2PHarness.eventually { await outboundLinks() == outbound })

        let spammer = try await HostilePeer(
            port: port, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "low-work-spammer")),
            version: VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId,
                                    bestHeight: UInt64(WireLimits.headers), listenPort: 0, userAgent: "low-work"))
        #expect(try await spammer.handshake() == .established)

        // Each batch is followed by a ping: frames from one peer are handled in order, so
        // everything the node says in answer to the batch arrives before the pong.
        for round in UInt64(1)...3 {
            try await spammer.send(.headers(HeadersMessage(headers: cheap)))
            try await spammer.send(.ping(PingMessage(nonce: round)))
            var answers: [Message] = []
            while let message = try await spammer.nextMessage() {
                if case let .pong(pong) = message, pong.nonce == round { break }
                answers.append(message)
            }
            let requests = answers.compactMap { message -> GetHeadersMessage? in
                if case let .getHeaders(request) = message { return request }
                return nil
            }
            // The node counted the batch and asks for the branch's next one.
            #expect(requests.contains { $0.locator == [cheap[cheap.count - 1].id] })
            #expect(!answers.contains { if case .getData = $0 { return true } else { return false } })
            #expect(spammer.channel.isActive)
        }

        // Nothing of the branch was stored or held, nothing was fetched, nobody was blamed.
        for header in cheap { #expect(try node.store.blockEntry(id: header.id) == nil) }
        #expect(await service.backend.pendingHeaders == 0)
        #expect(await node.chain.tip.id == blocks[blocks.count - 1].id)
        #expect(await service.peers().count == 3)
        #expect(!lines.all.contains { $0.contains("discouraged") || $0.contains("misbehaviour") })

        // The honest peers are still linked and carry the node's next block.
        #expect(await outboundLinks() == outbound)
        let next = try await PoWHarness.produce(on: node)[0]
        #expect(await P2PHarness.eventually {
            let (tipFirst, tipSecond) = (await first.chain.tip.id, await second.chain.tip.id)
            return tipFirst == next.id && tipSecond == next.id
        })
        await spammer.close()
    }
}

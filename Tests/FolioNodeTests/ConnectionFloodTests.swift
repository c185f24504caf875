import FolioCore
import FolioCrypto
import FolioPeer
import FolioTestSupport
import FolioWire
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import FolioNode

/// R7 of BENCHMARKS.md over real loopback sockets: a node with an inbound cap of 20 is flooded
/// with connections (some silent, some dribbling a bogus frame) up to its cap and past it, while
/// one flooder that got in sends header spam. The node keeps its two outbound peers, refuses
/// every connection past the cap, answers RPC throughout, and stores none of the spam. Only
/// functional properties are asserted; RPC latency under the flood is measured by
/// `scripts/bench-flood.sh` (docs/benchmarks.md). Deadlines are generous polls, never timings.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ConnectionFloodTests {
    static let cap = 20

    /// An RPC request body.
    static func rpc(_ method: String) -> ByteBuffer { ByteBuffer(string: #"{"jsonrpc":"2.0","method":"\#(method)","id":1}"#) }

    /// A TCP connection that says nothing, or dribbles a frame header claiming a 4 MiB `hello`
    /// and then junk, one byte at a time, until the node closes it.
    static func flooder(port: Int, group: any EventLoopGroup, dribble: Bool, magic: NetworkMagic) async throws -> any Channel {
        let channel = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()
        guard dribble else { return channel }
        let bytes = FrameHeader(magic: magic, type: MessageType.hello.rawValue, length: UInt32(WireLimits.maxFrameLength)).bytes
            + [UInt8](repeating: 0x5A, count: 200)
        Task {
            for byte in bytes where channel.isActive {
                try? await channel.writeAndFlush(ByteBuffer(bytes: [byte])).get()
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        return channel
    }

    /// 2,000 headers on `tip`'s block claiming the dev authority's seal with a zero signature
    /// (no work: nobody but the authority can seal), each linked to the one before.
    static func forgedHeaders(after template: BlockHeader) throws -> [BlockHeader] {
        let authority = try DevChain.authority()
        var header = template
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: authority.publicKey,
                                                             signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))))
        var headers = [header]
        while headers.count < WireLimits.headers {
            header.parent = header.id
            header.height += 1
            header.timestamp += 1
            headers.append(header)
        }
        return headers
    }

    /// 2,000 headers whose first names a parent nobody has.
    static func unconnectedHeaders(after template: BlockHeader) -> [BlockHeader] {
        var header = template
        header.parent = Hash256(bytes: [UInt8](repeating: 0x77, count: 32)) ?? template.parent
        header.height += 10
        var headers = [header]
        while headers.count < WireLimits.headers {
            header.parent = header.id
            header.height += 1
            headers.append(header)
        }
        return headers
    }

    @Test func aConnectionFloodPastTheInboundCapLeavesOutboundPeersRPCAndTheStoreIntact() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        let params = try P2PHarness.devParams()
        let magic = NetworkMagic(chainId: params.chainId)
        let (node, first, second) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        for _ in 0..<3 { try await P2PHarness.produce(on: node) }
        let tip = await node.chain.tip
        let (serviceFirst, portFirst) = try await P2PHarness.service(first, name: "first")
        let (serviceSecond, portSecond) = try await P2PHarness.service(second, name: "second")
        let lines = LogLines()
        let service = P2PService(ledger: node, params: params, host: "127.0.0.1", port: 0,
                                 peers: ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"], maxPeers: Self.cap, outboundTarget: 0,
                                 identity: try DevChain.key(label: "p2p-test/flooded"),
                                 logger: Logger(label: "p2p-test.flooded") { _ in LogCapture(lines: lines) })
        let port = try await service.start()
        defer { Task { await service.stop(); await serviceFirst.stop(); await serviceSecond.stop() } }
        let outbound: Set<String> = ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"]
        @Sendable func outboundLinks() async -> Set<String> { Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address)) }
        #expect(await P2PHarness.eventually { await outboundLinks() == outbound })
        #expect(await P2PHarness.eventually {
            let (tipFirst, tipSecond) = (await first.chain.tip, await second.chain.tip)
            return tipFirst == tip && tipSecond == tip
        })

        let manager = try #require(await service.manager)
        @Sendable func inboundHeld() async -> Int { await manager.peers.values.filter(\.inbound).count }
        let router = try NodeHTTP.router(backend: LedgerBackend(ledger: node, network: service, standalone: false),
                                         authenticator: RPCAuthenticator(mode: .off), maxBodyBytes: 4096, metrics: NodeMetrics(),
                                         peerFilter: service)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            func rpcAnswers() async throws -> Bool {
                let info = try await client.execute(uri: "/rpc", method: .post, body: Self.rpc("chain_info"))
                let peers = try await client.execute(uri: "/rpc", method: .post, body: Self.rpc("net_peers"))
                let peerText = String(buffer: peers.body)
                return info.status == .ok && String(buffer: info.body).contains(#""height":3"#)
                    && peers.status == .ok && outbound.allSatisfy { peerText.contains($0) }
            }
            #expect(try await rpcAnswers())

            // One flooder gets in and completes the handshake; it will send the spam later.
            let spammer = try await HostilePeer(
                port: port, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "spammer")),
                version: VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId, bestHeight: 0,
                                        listenPort: 0, userAgent: "spammer"))
            #expect(try await spammer.handshake() == .established)

            // The rest of the cap, half silent and half dribbling, then 60 more past it.
            var flood: [any Channel] = []
            for index in 0..<(Self.cap - 1) {
                flood.append(try await Self.flooder(port: port, group: group, dribble: index.isMultiple(of: 2), magic: magic))
            }
            #expect(await P2PHarness.eventually { await inboundHeld() == Self.cap })
            for index in 0..<60 {
                flood.append(try await Self.flooder(port: port, group: group, dribble: index.isMultiple(of: 2), magic: magic))
                if index.isMultiple(of: 10) { #expect(try await rpcAnswers()) }
                #expect(await inboundHeld() <= Self.cap)
            }

            // Header spam from inside the cap: a batch that links to nothing, then a forged chain on the tip.
            let template = try await P2PHarness.nextBlock(on: node).header
            let unconnected = Self.unconnectedHeaders(after: template)
            let forged = try Self.forgedHeaders(after: template)
            try await spammer.send(.headers(HeadersMessage(headers: unconnected)))
            try await spammer.send(.headers(HeadersMessage(headers: forged)))
            #expect(await spammer.closedByNode())

            // Every flood connection the node let go was refused at the cap, evicted for a newer
            // one or timed out in its handshake; none was closed for another reason. Past the
            // cap the newcomers took silent connections' slots: the spammer, established and
            // alone in holding its group's protected slot, was never evicted.
            func count(_ text: String) -> Int { lines.all.filter { $0.contains(text) }.count }
            #expect(await P2PHarness.eventually {
                let held = await inboundHeld()
                let closed = flood.filter { !$0.isActive }.count
                let accounted = count("inbound limit \(Self.cap) reached") + count("evicted for a newer inbound connection")
                    + count("handshake not finished")
                return closed == accounted && closed + held == flood.count
            })
            #expect(count("evicted for a newer inbound connection") >= 1)
            #expect(count("evicted for a newer inbound connection") == count("(in its handshake)"))
            #expect(lines.all.filter { $0.contains("closed link") }.allSatisfy {
                $0.contains("inbound limit") || $0.contains("evicted for a newer inbound connection")
                    || $0.contains("handshake not finished") || $0.contains("invalid header")
            })
            #expect(try await rpcAnswers())

            // The outbound peers were kept all along and still carry blocks.
            #expect(await outboundLinks() == outbound)
            let (linksFirst, linksSecond) = (await serviceFirst.peers().count, await serviceSecond.peers().count)
            #expect(linksFirst == 1 && linksSecond == 1)
            let block = try await P2PHarness.produce(on: node)
            #expect(await P2PHarness.eventually {
                let (tipFirst, tipSecond) = (await first.chain.tip.id, await second.chain.tip.id)
                return tipFirst == block.id && tipSecond == block.id
            })

            // None of the spam reached the store or the header tree.
            for header in unconnected + forged { #expect(try node.store.blockEntry(id: header.id) == nil) }
            #expect(await service.backend.pendingHeaders == 0)
            #expect(await node.chain.tip.id == block.id)
            for channel in flood { try? await channel.close() }
        }
    }
    /// A connection from `source` (any 127.x.y.z) that says nothing.
    static func silent(port: Int, source: String, group: any EventLoopGroup) async throws -> any Channel {
        try await ClientBootstrap(group: group).bind(to: try SocketAddress(ipAddress: source, port: 0))
            .connect(host: "127.0.0.1", port: port).get()
    }

    /// A peer from `source` that completes its handshake and then stays quiet.
    static func handshaken(port: Int, source: String, label: String, group: any EventLoopGroup, params: ChainParams) async throws -> HostilePeer {
        let peer = try await HostilePeer(
            port: port, source: source, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: label)),
            version: VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId, bestHeight: 0,
                                    listenPort: 0, userAgent: label))
        #expect(try await peer.handshake() == .established)
        return peer
    }

    /// Inbound eviction over real sockets: a node with 6 inbound slots, all held by one
    /// 127.9/16 (four established flooders, two silent), lets an honest peer of 127.42/16 in
    /// by closing the silent connection silent longest; flooders arriving afterwards take only
    /// flooders' slots (the other silent one first), the honest peer stays, and the two
    /// outbound peers are never touched.
    @Test func anHonestInboundPeerOfAnotherGroupTakesAFloodersSlotAndKeepsIt() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        let params = try P2PHarness.devParams()
        let (node, first, second) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let (serviceFirst, portFirst) = try await P2PHarness.service(first, name: "first")
        let (serviceSecond, portSecond) = try await P2PHarness.service(second, name: "second")
        let lines = LogLines()
        let cap = 6
        let service = P2PService(ledger: node, params: params, host: "127.0.0.1", port: 0,
                                 peers: ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"], maxPeers: cap, outboundTarget: 0,
                                 identity: try DevChain.key(label: "p2p-test/evicting"),
                                 logger: Logger(label: "p2p-test.evicting") { _ in LogCapture(lines: lines) })
        let port = try await service.start()
        defer { Task { await service.stop(); await serviceFirst.stop(); await serviceSecond.stop() } }
        let outbound: Set<String> = ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"]
        @Sendable func outboundLinks() async -> Set<String> { Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address)) }
        #expect(await P2PHarness.eventually { await outboundLinks() == outbound })
        let manager = try #require(await service.manager)
        @Sendable func inbound() async -> [PeerState] { await manager.peers.values.filter(\.inbound) }
        @Sendable func holds(_ ip: IPAddress) async -> Bool { await inbound().contains { $0.address?.ip == ip && $0.isEstablished } }
        func count(_ text: String) -> Int { lines.all.filter { $0.contains(text) }.count }

        var flooders: [HostilePeer] = []
        for host in 1...4 {
            flooders.append(try await Self.handshaken(port: port, source: "127.9.0.\(host)", label: "flooder-\(host)", group: group,
                                                      params: params))
        }
        var silent: [any Channel] = []
        for host in 10...11 {
            silent.append(try await Self.silent(port: port, source: "127.9.0.\(host)", group: group))
            // One at a time, so which silent connection is older is known.
            #expect(await P2PHarness.eventually { await inbound().count == 4 + silent.count })
        }
        #expect(await P2PHarness.eventually { await inbound().filter(\.isEstablished).count == 4 })

        let honest = try await Self.handshaken(port: port, source: "127.42.0.1", label: "honest", group: group, params: params)
        #expect(await P2PHarness.eventually { await holds(IPAddress(127, 42, 0, 1)) })
        #expect(await P2PHarness.eventually { !silent[0].isActive })
        #expect(silent[1].isActive)
        #expect(flooders.allSatisfy { $0.channel.isActive })

        for host in 1...4 {
            let late = try await Self.handshaken(port: port, source: "127.9.1.\(host)", label: "late-\(host)", group: group,
                                                 params: params)
            flooders.append(late)
            #expect(await P2PHarness.eventually { await holds(IPAddress(127, 9, 1, UInt8(host))) })
            #expect(await inbound().count <= cap)
        }
        #expect(await P2PHarness.eventually { count("evicted for a newer inbound connection") == 5 })
        #expect(count("(in its handshake)") == 2)
        #expect(!silent[1].isActive)
        #expect(honest.channel.isActive)
        #expect(await holds(IPAddress(127, 42, 0, 1)))
        // The first flooder keeps its group's protected slot.
        #expect(flooders[0].channel.isActive)
        #expect(await inbound().count == cap)
        #expect(await outboundLinks() == outbound)
        let (linksFirst, linksSecond) = (await serviceFirst.peers().count, await serviceSecond.peers().count)
        #expect(linksFirst == 1 && linksSecond == 1)
        for peer in flooders + [honest] { await peer.close() }
        for channel in silent { try? await channel.close() }
    }
}

import FolioCore
import FolioCrypto
import FolioNode
import FolioPeer
import FolioTestSupport
import FolioWire
import NIOCore
import NIOPosix
import Testing
@testable import FolioNetwork

/// Two real TCP endpoints on 127.0.0.1.
@Suite(.timeLimit(.minutes(1))) struct LoopbackTests {
    func node(seed: UInt8, genesis: Block, chain: InMemoryPeerChain, group: MultiThreadedEventLoopGroup,
              pingMillis: Int64 = 30_000) throws -> (PeerManager, PeerNetwork) {
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 0)
        configuration.targetOutbound = 0
        configuration.pingIntervalMillis = pingMillis
        let manager = PeerManager(configuration: configuration,
                                  crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: seed, count: 32))),
                                  chain: chain, addressBook: AddressBook(secret: [UInt8](repeating: seed, count: 16)))
        return (manager, PeerNetwork(manager: manager, group: group))
    }

    /// Polls `condition` every 20 ms for up to 10 s.
    func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<500 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func bothEstablished(_ first: PeerManager, _ second: PeerManager) async -> Bool {
        let one = await first.establishedPeers, other = await second.establishedPeers
        return !one.isEmpty && !other.isEmpty
    }

    @Test func twoEndpointsCompleteTheHandshakeAndExchangeAPing() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let genesis = InMemoryPeerBlocks.genesis()
        let (listenerManager, listener) = try node(seed: 1, genesis: genesis, chain: InMemoryPeerChain(genesis: genesis), group: group)
        let (dialerManager, dialer) = try node(seed: 2, genesis: genesis, chain: InMemoryPeerChain(genesis: genesis), group: group,
                                               pingMillis: 100)
        let port = try await listener.listen(host: "127.0.0.1", port: 0)
        await dialer.dial(host: "127.0.0.1", port: port, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: UInt16(port)))
        #expect(await eventually { await bothEstablished(dialerManager, listenerManager) })
        await dialer.startTicking(everyMillis: 50)
        #expect(await eventually { await (dialer.receivedFrames[MessageType.pong.rawValue] ?? 0) >= 1 })
        #expect(await listener.receivedFrames[MessageType.ping.rawValue] ?? 0 >= 1)
        await dialer.shutdown()
        await listener.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func aLateNodeSyncsTheChainOverTCP() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let genesis = InMemoryPeerBlocks.genesis()
        let full = InMemoryPeerChain(genesis: genesis), empty = InMemoryPeerChain(genesis: genesis)
        let blocks = InMemoryPeerBlocks.chain(after: genesis, count: 25)
        await full.extend(with: blocks)
        let (_, listener) = try node(seed: 1, genesis: genesis, chain: full, group: group)
        let (_, dialer) = try node(seed: 2, genesis: genesis, chain: empty, group: group)
        let port = try await listener.listen(host: "127.0.0.1", port: 0)
        await dialer.dial(host: "127.0.0.1", port: port, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: UInt16(port)))
        #expect(await eventually { await empty.tip == blocks[24].id })
        await dialer.shutdown()
        await listener.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func anOversizeFrameClosesThatConnectionWhileTheNodeKeepsServingOthers() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let genesis = InMemoryPeerBlocks.genesis()
        let (listenerManager, listener) = try node(seed: 1, genesis: genesis, chain: InMemoryPeerChain(genesis: genesis), group: group)
        let port = try await listener.listen(host: "127.0.0.1", port: 0)
        let hostile = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()
        // Magic of chain 7, type block, length 0x7fffffff: far over the cap.
        try await hostile.writeAndFlush(ByteBuffer(bytes: [0x19, 0x0a, 0x11, 0xf0, 0x0c, 0xff, 0xff, 0xff, 0x7f]))
        #expect(await eventually { !hostile.isActive })
        let (dialerManager, dialer) = try node(seed: 2, genesis: genesis, chain: InMemoryPeerChain(genesis: genesis), group: group)
        await dialer.dial(host: "127.0.0.1", port: port, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: UInt16(port)))
        #expect(await eventually { await bothEstablished(dialerManager, listenerManager) })
        await dialer.shutdown()
        await listener.shutdown()
        try await group.shutdownGracefully()
    }

    /// A node that stops tells its peers why: the other end receives a sealed `disconnect`
    /// with reason "shutting down" and closes on that word, not on a dropped socket.
    @Test func aStoppingNodeSaysItIsShuttingDown() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let genesis = InMemoryPeerBlocks.genesis()
        let (listenerManager, listener) = try node(seed: 1, genesis: genesis, chain: InMemoryPeerChain(genesis: genesis), group: group)
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 0)
        configuration.targetOutbound = 0
        let dialerManager = PeerManager(configuration: configuration,
                                        crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 2, count: 32))),
                                        chain: InMemoryPeerChain(genesis: genesis), addressBook: AddressBook(secret: [UInt8](repeating: 2, count: 16)))
        let closures = ClosureLog()
        let dialer = PeerNetwork(manager: dialerManager, group: group) { closure in closures.entries.withLock { $0.append(closure) } }
        let port = try await listener.listen(host: "127.0.0.1", port: 0)
        await dialer.dial(host: "127.0.0.1", port: port, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: UInt16(port)))
        #expect(await eventually { await bothEstablished(dialerManager, listenerManager) })

        await listener.shutdown()
        #expect(await eventually { await dialerManager.establishedPeers.isEmpty })
        #expect(await dialer.receivedFrames[MessageType.disconnect.rawValue] == 1)
        let heard = closures.entries.withLock { $0 }
        #expect(heard.map(\.reason) == [.shuttingDown])
        #expect(heard.first?.detail.contains("node shutting down") == true, "detail: \(heard.first?.detail ?? "none")")
        await dialer.shutdown()
        try await group.shutdownGracefully()
    }
}

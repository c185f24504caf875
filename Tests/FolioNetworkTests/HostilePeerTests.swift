import FolioCore
import FolioCrypto
import FolioNode
import FolioPeer
import FolioTestSupport
import FolioWire
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import FolioNetwork

/// R5 and R6 of BENCHMARKS.md over real sockets: a peer on 127.0.0.1 sends what no honest node
/// would, and the node under test closes that connection (with the reason it logs) while it
/// goes on serving an honest peer that connects afterwards.
@Suite(.timeLimit(.minutes(1))) struct HostilePeerTests {
    /// The node under test, its listening port and every connection it closed.
    struct Target {
        let manager: PeerManager
        let network: PeerNetwork
        let port: Int
        let closures: ClosureLog
        let chain: InMemoryPeerChain
        let genesis: Block
    }

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    func target(chain: InMemoryPeerChain? = nil, genesis: Block = InMemoryPeerBlocks.genesis(),
                configure: (inout PeerConfiguration) -> Void = { _ in }) async throws -> Target {
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 0)
        configuration.targetOutbound = 0
        configure(&configuration)
        let chain = chain ?? InMemoryPeerChain(genesis: genesis)
        let manager = PeerManager(configuration: configuration,
                                  crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 1, count: 32))),
                                  chain: chain, addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
        let closures = ClosureLog()
        let network = PeerNetwork(manager: manager, group: group) { closure in closures.entries.withLock { $0.append(closure) } }
        let port = try await network.listen(host: "127.0.0.1", port: 0)
        await network.startTicking(everyMillis: 50)
        return Target(manager: manager, network: network, port: port, closures: closures, chain: chain, genesis: genesis)
    }

    func hostile(_ target: Target, seed: UInt8 = 9, crypto: (any PeerCryptoProvider)? = nil, bestHeight: UInt64 = 0) async throws -> HostilePeer {
        let own: any PeerCryptoProvider
        if let crypto { own = crypto } else { own = FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: seed, count: 32))) }
        let version = VersionMessage(protocolVersion: 1, chainId: 7, genesis: target.genesis.id, bestHeight: bestHeight,
                                     listenPort: 0, userAgent: "hostile")
        return try await HostilePeer(port: target.port, group: group, crypto: own, version: version)
    }

    /// An honest node dials the target and both finish the handshake: the target still serves.
    func stillServes(_ target: Target) async throws -> Bool {
        var configuration = PeerConfiguration(chainId: 7, genesis: target.genesis.id, listenPort: 0)
        configuration.targetOutbound = 0
        let manager = PeerManager(configuration: configuration,
                                  crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 2, count: 32))),
                                  chain: InMemoryPeerChain(genesis: target.genesis), addressBook: AddressBook(secret: [UInt8](repeating: 2, count: 16)))
        let honest = PeerNetwork(manager: manager, group: group)
        await honest.dial(host: "127.0.0.1", port: target.port, address: PeerAddress(ip: IPAddress(127, 0, 0, 1), port: UInt16(target.port)))
        var established = false
        for _ in 0..<750 where !established {
            established = await !manager.establishedPeers.isEmpty
            if !established { try? await Task.sleep(for: .milliseconds(20)) }
        }
        await honest.shutdown()
        return established
    }

    func reasons(_ target: Target) -> [DisconnectReason?] { target.closures.entries.withLock { $0.map(\.reason) } }

    func finish(_ target: Target) async throws {
        await target.network.shutdown()
        try await group.shutdownGracefully()
    }

    /// A header announcing 4 MiB, then ten bytes and silence: nothing is read past the header
    /// until the bytes arrive, and the handshake deadline closes the socket.
    @Test func aTruncatedFrameIsClosedAtTheHandshakeDeadline() async throws {
        // Long enough for an honest handshake on a loaded machine, short enough to wait for.
        let node = try await target { $0.handshakeTimeoutMillis = 3_000 }
        let peer = try await hostile(node)
        var header = FrameHeader(magic: NetworkMagic(chainId: 7), type: MessageType.hello.rawValue,
                                 length: UInt32(WireLimits.maxFrameLength)).bytes
        header += [UInt8](repeating: 0xAA, count: 10)
        try await peer.sendBytes(header)
        #expect(await peer.closedByNode(within: 20))
        #expect(reasons(node) == [.timeout])
        #expect(try await stillServes(node))
        try await finish(node)
    }

    /// A frame whose header names a type no message has is closed on before its payload is decoded.
    @Test func anUnknownMessageTypeAfterTheHandshakeDisconnects() async throws {
        let node = try await target()
        let peer = try await hostile(node)
        #expect(try await peer.handshake() == .established)
        try await peer.sendUnchecked(type: 0xEE, payload: [1, 2, 3])
        #expect(await peer.closedByNode())
        #expect(reasons(node) == [.misbehaviour])
        #expect(try await stillServes(node))
        try await finish(node)
    }

    /// An `inv` claiming 50,001 items (LEB128 D1 86 03) over the 50,000 cap and carrying none:
    /// refused on the count, before anything is allocated for the items.
    @Test func tooManyInventoryItemsDisconnects() async throws {
        let node = try await target()
        let peer = try await hostile(node)
        #expect(try await peer.handshake() == .established)
        try await peer.sendUnchecked(type: MessageType.inv.rawValue, payload: [0xD1, 0x86, 0x03])
        #expect(await peer.closedByNode())
        #expect(reasons(node) == [.misbehaviour])
        let detail = node.closures.entries.withLock { $0.first?.detail } ?? ""
        #expect(detail.contains("50001"), "detail: \(detail)")
        #expect(try await stillServes(node))
        try await finish(node)
    }

    /// An identity proof signed over other bytes than the transcript fails the handshake.
    @Test func aForgedHandshakeSignatureIsRefused() async throws {
        let node = try await target()
        let forger = WrongSigner(inner: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 9, count: 32))))
        let peer = try await hostile(node, crypto: forger)
        #expect(try await peer.handshake() != .established)
        #expect(await peer.closedByNode())
        #expect(reasons(node) == [.handshakeFailed])
        #expect(await node.manager.establishedPeers.isEmpty)
        #expect(try await stillServes(node))
        try await finish(node)
    }

    /// The peer offers three blocks, the second invalid by consensus: the node asks for the
    /// bodies, finds the bad one, disconnects at once and (with loopback not spared) discourages
    /// 127.0.0.1; its chain keeps only the valid first block.
    @Test func anInvalidBlockDisconnectsAndDiscouragesOnTheFirstOffence() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        let blocks = InMemoryPeerBlocks.chain(after: genesis, count: 3)
        let chain = InMemoryPeerChain(genesis: genesis)
        await chain.markInvalid(blocks[1].id)
        let node = try await target(chain: chain, genesis: genesis) { $0.sparesLoopback = false }
        let peer = try await hostile(node, bestHeight: 3)
        #expect(try await peer.handshake() == .established)
        var served = false
        while let message = try await peer.nextMessage() {
            switch message {
            case .getHeaders: try await peer.send(.headers(HeadersMessage(headers: blocks.map(\.header))))
            case let .getData(request):
                for item in request.items {
                    if let block = blocks.first(where: { $0.id == item.id }) { try await peer.send(.block(BlockMessage(block: block))) }
                }
                served = true
            default: continue
            }
        }
        #expect(served)
        #expect(await peer.closedByNode())
        #expect(reasons(node) == [.misbehaviour])
        #expect(await chain.status().validatedHeight == 1)
        #expect(await node.manager.addressBook.isDiscouraged(IPAddress(127, 0, 0, 1), now: await node.network.now))
        try await finish(node)
    }
}

/// Every connection a node closed, as its network reported them.
final class ClosureLog: Sendable {
    let entries = Mutex<[PeerClosure]>([])
}

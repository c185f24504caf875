import FolioCore
import FolioPeer
import FolioTestSupport
import FolioWire
import Logging
import NIOPosix
import Testing
@testable import FolioNode

/// The setting of a Byzantine test over real loopback sockets: a node (a real `P2PService`
/// on a real `Ledger`) that punishes loopback addresses, an honest peer it dials, and
/// attackers that connect to it from a source address of their choosing. Both ledgers share
/// `ByzantineBlocks.history` before the services start.
struct ByzantineArena {
    let group: MultiThreadedEventLoopGroup
    let node: Ledger
    let honest: Ledger
    let service: P2PService
    let honestService: P2PService
    let port: Int
    let honestAddress: String
    /// Every line the node logged, at every level.
    let lines: LogLines
    let proofOfWork: Bool

    static func start(proofOfWork: Bool, label: String) async throws -> ByzantineArena {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let params = proofOfWork ? try PoWHarness.params() : try P2PHarness.devParams()
        let (node, honest) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        try await ByzantineBlocks.history(on: node, honest: honest)
        let (honestService, honestPort) = try await P2PHarness.service(honest, name: "byzantine-honest-\(label)")
        let lines = LogLines()
        let service = P2PService(ledger: node, params: params, host: "127.0.0.1", port: 0, peers: ["127.0.0.1:\(honestPort)"],
                                 maxPeers: 8, outboundTarget: 0, identity: try DevChain.key(label: "p2p-test/byzantine-\(label)"),
                                 logger: Logger(label: "p2p-test.byzantine") { _ in LogCapture(lines: lines) })
        // Loopback is spared by default (every local process shares it); the attackers are
        // loopback addresses, so the node must punish them.
        await service.setSparesLoopback(false)
        let port = try await service.start()
        return ByzantineArena(group: group, node: node, honest: honest, service: service, honestService: honestService, port: port,
                              honestAddress: "127.0.0.1:\(honestPort)", lines: lines, proofOfWork: proofOfWork)
    }

    /// The node's established outbound links.
    func outboundLinks() async -> Set<String> {
        Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address))
    }

    /// A peer on the node's chain connecting from `source`, announcing `bestHeight`; not yet
    /// handshaken.
    func attacker(from source: String, label: String, bestHeight: UInt64) async throws -> HostilePeer {
        let params = node.chain.params
        return try await HostilePeer(
            port: port, source: source, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "byzantine/\(label)")),
            version: VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId, bestHeight: bestHeight,
                                    listenPort: 0, userAgent: "byzantine"))
    }

    /// The node makes its next block itself, as its honest producer would.
    func produceHonestBlock() async throws -> Block {
        if proofOfWork { return try #require(try await PoWHarness.produce(on: node).first) }
        return try await P2PHarness.produce(on: node)
    }

    func stop() async {
        await service.stop()
        await honestService.stop()
        try? await group.shutdownGracefully()
    }
}

/// What an attacker sent the node.
struct AttackReport: Sendable, Equatable {
    var headersSent = 0
    var blocksSent = 0
}

enum ByzantineAttacker {
    /// Answers the node's first `getheaders` with `block`'s header and its first `getdata`
    /// naming `block` with the block; ignores everything else, until the socket closes. One
    /// of each at most: a second offence would blur "disconnected on the first".
    static func serve(_ block: Block, on peer: HostilePeer) async throws -> AttackReport {
        var report = AttackReport()
        while let message = try await peer.nextMessage() {
            switch message {
            case .getHeaders where report.headersSent == 0:
                report.headersSent += 1
                try await peer.send(.headers(HeadersMessage(headers: [block.header])))
            case let .getData(request) where report.blocksSent == 0 && request.items.contains(InventoryItem(kind: .block, id: block.id)):
                report.blocksSent += 1
                try await peer.send(.block(BlockMessage(block: block)))
            default:
                break
            }
        }
        return report
    }
}

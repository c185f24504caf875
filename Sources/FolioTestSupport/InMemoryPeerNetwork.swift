import FolioCore
import FolioCrypto
import FolioNode
import FolioPeer
import FolioWire

/// Joins `PeerManager`s in memory: every frame is encoded to bytes, delivered in one global
/// first-in first-out order and cut back into frames by a `FrameParser`, so tests exercise the
/// whole protocol with no sockets. Time moves only when a test says so.
package final class InMemoryPeerNetwork {
    /// One simulated node.
    package struct Node {
        /// The node's protocol state.
        package let manager: PeerManager
        /// The node's chain.
        package let chain: InMemoryPeerChain
        /// Where other nodes dial it.
        package let address: PeerAddress
    }

    /// One frame that crossed a link, for order and count assertions.
    package struct Delivery: Equatable, Sendable {
        /// Sending node.
        package let from: Int
        /// Receiving node.
        package let to: Int
        /// The frame's type.
        package let type: MessageType?
        /// Payload bytes on the wire.
        package let payloadBytes: Int
    }

    /// A connection end that was closed by its node.
    package struct Closure: Equatable, Sendable {
        /// The node that closed it.
        package let node: Int
        /// The node at the other end.
        package let remote: Int
        /// Why.
        package let reason: DisconnectReason

        /// A closure record.
        package init(node: Int, remote: Int, reason: DisconnectReason) {
            self.node = node
            self.remote = remote
            self.reason = reason
        }
    }

    private enum Pending { case bytes([UInt8]), closed }
    private struct Endpoint { let node: Int; let remote: Int; let peer: Int; var parser: FrameParser; var open = true }

    /// The nodes, by index.
    package private(set) var nodes: [Node] = []
    /// Every frame delivered, in order.
    package private(set) var deliveries: [Delivery] = []
    /// Nodes whose manager asked (`PeerAction.connectBlocks`) to be handed `.connectBlocks`;
    /// `run` does so before it delivers the next frame, so the actions that came before the
    /// request (a relayed header) are queued ahead of whatever validation leads to.
    private var connectRequests: [Int] = []
    /// Every close a node asked for, in order.
    package private(set) var closures: [Closure] = []
    /// Every discouragement a node announced: (node, address).
    package private(set) var discouraged: [(node: Int, ip: IPAddress)] = []
    /// Every note a node made for its log: (node, level, text).
    package private(set) var notes: [(node: Int, level: PeerNoteLevel, text: String)] = []
    /// The simulated clock in milliseconds.
    package private(set) var now: Int64 = 1_000_000
    /// Nodes whose outgoing frames are dropped (a dead or stalled peer).
    package var muted: Set<Int> = []

    private var endpoints: [Int: Endpoint] = [:]
    private var partner: [Int: Int] = [:]
    private var queue: [(endpoint: Int, item: Pending)] = []
    private var nextEndpoint = 1

    /// An empty network.
    package init() {}

    /// Adds a node on `chain` with identity seed byte `seed`, at `address` (default
    /// 10.0.x.y:9333 by index), starting from `addressBook` (default an empty one); returns
    /// its index.
    @discardableResult
    package func addNode(chain: InMemoryPeerChain, genesis: Hash256, chainId: UInt32 = 7, seed: UInt8, address: PeerAddress? = nil,
                         addressBook: AddressBook? = nil, configure: (inout PeerConfiguration) -> Void = { _ in }) throws -> Int {
        let index = nodes.count
        let identity = try PrivateKey(seed: [UInt8](repeating: seed, count: 32))
        var configuration = PeerConfiguration(chainId: chainId, genesis: genesis, listenPort: 9333, userAgent: "test/\(index)")
        configuration.targetOutbound = 0
        configure(&configuration)
        let book = addressBook ?? AddressBook(secret: [UInt8](repeating: seed, count: 16))
        let manager = PeerManager(configuration: configuration, crypto: FolioPeerCrypto(identityKey: identity),
                                  chain: chain, addressBook: book)
        let place = address ?? PeerAddress(ip: IPAddress(10, 0, UInt8(index / 256), UInt8(index % 256 + 1)), port: 9333)
        nodes.append(Node(manager: manager, chain: chain, address: place))
        return index
    }

    /// Node `from` dials node `to`; the handshake runs as frames are delivered.
    package func connect(_ from: Int, _ to: Int) async {
        let outbound = nextEndpoint, inbound = nextEndpoint + 1
        nextEndpoint += 2
        endpoints[outbound] = Endpoint(node: from, remote: to, peer: outbound, parser: FrameParser(magic: await magic(of: to)))
        endpoints[inbound] = Endpoint(node: to, remote: from, peer: inbound, parser: FrameParser(magic: await magic(of: from)))
        partner[outbound] = inbound
        partner[inbound] = outbound
        let remoteOfInbound = PeerAddress(ip: nodes[from].address.ip, port: 0)
        await perform(await nodes[from].manager.handle(.opened(peer: outbound, inbound: false, address: nodes[to].address), now: now), at: from)
        await perform(await nodes[to].manager.handle(.opened(peer: inbound, inbound: true, address: remoteOfInbound), now: now), at: to)
    }

    /// Delivers queued frames until none are left (or a step limit is hit, which returns false).
    @discardableResult
    package func run(maxSteps: Int = 200_000) async -> Bool {
        var steps = 0
        while !queue.isEmpty || !connectRequests.isEmpty {
            steps += 1
            guard steps <= maxSteps else { return false }
            if !connectRequests.isEmpty {
                let node = connectRequests.removeFirst()
                await perform(await nodes[node].manager.handle(.connectBlocks, now: now), at: node)
                continue
            }
            let (id, item) = queue.removeFirst()
            guard var endpoint = endpoints[id], endpoint.open else { continue }
            let manager = nodes[endpoint.node].manager
            switch item {
            case .closed:
                endpoint.open = false
                endpoints[id] = endpoint
                await perform(await manager.handle(.closed(peer: id), now: now), at: endpoint.node)
            case let .bytes(bytes):
                endpoint.parser.append(bytes)
                endpoints[id] = endpoint
                while true {
                    let frame: Frame?
                    do { frame = try endpoints[id]?.parser.next() } catch {
                        closures.append(Closure(node: endpoint.node, remote: endpoint.remote, reason: .misbehaviour))
                        close(id)
                        break
                    }
                    guard let frame else { break }
                    deliveries.append(Delivery(from: endpoint.remote, to: endpoint.node, type: MessageType(rawValue: frame.type),
                                               payloadBytes: frame.payload.count))
                    await perform(await manager.handle(.frame(peer: id, frame), now: now), at: endpoint.node)
                    if endpoints[id]?.open != true { break }
                }
            }
        }
        return true
    }

    /// Advances the clock by `millis`, ticks every node, and runs the network.
    package func advance(by millis: Int64) async {
        now += millis
        for node in nodes.indices { await perform(await nodes[node].manager.handle(.tick, now: now), at: node) }
        await run()
    }

    /// Advances the clock by `millis` without a tick, and has every node flush its queued
    /// transaction announcements (the network's short announcement timer), then runs.
    package func flushAnnouncements(after millis: Int64 = 100) async {
        now += millis
        for node in nodes.indices { await perform(await nodes[node].manager.handle(.flushAnnouncements, now: now), at: node) }
        await run()
    }

    /// Node `index` hands the network event `event` (a local block or transaction, a flush)
    /// at the current time, then runs.
    package func deliver(_ event: PeerEvent, at index: Int) async {
        await perform(await nodes[index].manager.handle(event, now: now), at: index)
        await run()
    }

    /// Node `index` announces a block it stored locally.
    package func announceBlock(_ block: Block, from index: Int) async {
        await perform(await nodes[index].manager.handle(.localBlock(block), now: now), at: index)
        await run()
    }

    /// Frames of `type` delivered to node `index`.
    package func count(_ type: MessageType, to index: Int) -> Int {
        deliveries.filter { $0.to == index && $0.type == type }.count
    }

    private func magic(of node: Int) async -> NetworkMagic { nodes[node].manager.configuration.magic }

    private func perform(_ actions: [PeerAction], at node: Int) async {
        for action in actions {
            switch action {
            case let .send(peer, frame, _):
                // Handled one event at a time, this network sees every connection's frames in order.
                guard !muted.contains(node), let other = partner[peer], endpoints[peer]?.open == true else { continue }
                queue.append((other, .bytes(frame.bytes(magic: nodes[node].manager.configuration.magic))))
            case let .close(peer, reason, _):
                if let remote = endpoints[peer]?.remote { closures.append(Closure(node: node, remote: remote, reason: reason)) }
                close(peer)
            case let .dial(address):
                if let target = nodes.firstIndex(where: { $0.address.ip == address.ip && $0.address.port == address.port }) { await connect(node, target) }
                else { await perform(await nodes[node].manager.handle(.dialFailed(address), now: now), at: node) }
            case let .discourage(ip, _, _): discouraged.append((node, ip))
            case let .note(level, text): notes.append((node, level, text))
            case .connectBlocks:
                // As the real network: the event comes back after the actions before it, and
                // requests not yet served coalesce.
                if !connectRequests.contains(node) { connectRequests.append(node) }
            }
        }
    }

    private func close(_ peer: Int) {
        guard endpoints[peer]?.open == true else { return }
        endpoints[peer]?.open = false
        if let other = partner[peer] { queue.append((other, .closed)) }
    }
}

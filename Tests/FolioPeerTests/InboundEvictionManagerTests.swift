import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// The manager's accept path with full inbound slots, nodes joined in memory: a newcomer takes
/// the slot `InboundEviction` frees, outbound links are never touched, and with every inbound
/// peer protected the newcomer is refused.
@Suite struct InboundEvictionManagerTests {
    static let genesis = InMemoryPeerBlocks.genesis()

    /// A network whose node 0 (10.0.0.1) holds at most `cap` inbound connections.
    static func hub(cap: Int) throws -> InMemoryPeerNetwork {
        let network = InMemoryPeerNetwork()
        try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id, seed: 1,
                            address: PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333)) { $0.maxInbound = cap }
        return network
    }

    /// Adds a node at `ip` and dials node 0 from it; returns its index.
    @discardableResult
    static func join(_ network: InMemoryPeerNetwork, from ip: IPAddress, silent: Bool = false) async throws -> Int {
        let index = try network.addNode(chain: InMemoryPeerChain(genesis: genesis), genesis: genesis.id,
                                        seed: UInt8(network.nodes.count + 1), address: PeerAddress(ip: ip, port: 9333))
        if silent { network.muted.insert(index) }
        await network.connect(index, 0)
        await network.advance(by: 10)
        return index
    }

    /// The nodes node 0 holds inbound links from, by their address.
    static func inboundNodes(of network: InMemoryPeerNetwork) async -> Set<Int> {
        let held = await network.nodes[0].manager.peers.values.filter(\.inbound).compactMap(\.address?.ip)
        return Set(held.compactMap { ip in network.nodes.firstIndex { $0.address.ip == ip } })
    }

    static func evicted(_ network: InMemoryPeerNetwork) -> [Int] {
        network.closures.filter { $0.node == 0 && $0.reason == .tooManyPeers }.map(\.remote)
    }

    @Test func aNewcomerTakesAFlooderSlotAndOutboundLinksAreNeverCandidates() async throws {
        let network = try Self.hub(cap: 4)
        let outbound = try network.addNode(chain: InMemoryPeerChain(genesis: Self.genesis), genesis: Self.genesis.id, seed: 90,
                                           address: PeerAddress(ip: IPAddress(10, 9, 200, 1), port: 9333))
        await network.connect(0, outbound)
        await network.advance(by: 10)
        // Three flooders of 10.9/16 complete their handshakes; a fourth stays silent.
        var flooders: [Int] = []
        for host in 1...3 { flooders.append(try await Self.join(network, from: IPAddress(10, 9, 0, UInt8(host)))) }
        let silent = try await Self.join(network, from: IPAddress(10, 9, 0, 4), silent: true)
        #expect(await Self.inboundNodes(of: network) == Set(flooders + [silent]))

        // The honest newcomer from 10.42/16 evicts the silent connection first.
        let honest = try await Self.join(network, from: IPAddress(10, 42, 0, 1))
        #expect(Self.evicted(network) == [silent])
        #expect(await Self.inboundNodes(of: network) == Set(flooders + [honest]))

        // Two more flooders each take a flooder's slot: its youngest unprotected one. The first
        // flooder keeps 10.9/16's group slot and the second the longer-connected half.
        let fourth = try await Self.join(network, from: IPAddress(10, 9, 1, 1))
        let fifth = try await Self.join(network, from: IPAddress(10, 9, 1, 2))
        #expect(Self.evicted(network) == [silent, flooders[2], fourth])
        #expect(await Self.inboundNodes(of: network) == [flooders[0], flooders[1], honest, fifth])
        let manager = network.nodes[0].manager
        #expect(await manager.establishedPeers.count == 5)
        #expect(await manager.peers.values.contains { !$0.inbound && $0.address?.ip == IPAddress(10, 9, 200, 1) })
        #expect(!network.closures.contains { $0.remote == outbound || $0.remote == honest })
    }

    @Test func withEveryInboundPeerProtectedTheNewcomerIsRefused() async throws {
        let network = try Self.hub(cap: 2)
        let first = try await Self.join(network, from: IPAddress(10, 1, 0, 1))
        let second = try await Self.join(network, from: IPAddress(10, 2, 0, 1))
        let third = try await Self.join(network, from: IPAddress(10, 3, 0, 1))
        #expect(Self.evicted(network) == [third])
        #expect(await Self.inboundNodes(of: network) == [first, second])
    }

    @Test func aHubWithNoInboundSlotsRefusesEveryone() async throws {
        let network = try Self.hub(cap: 0)
        let lone = try await Self.join(network, from: IPAddress(10, 1, 0, 1))
        #expect(Self.evicted(network) == [lone])
        #expect(await Self.inboundNodes(of: network).isEmpty)
    }
    @Test func aPeerThatSentANewBlockKeepsItsSlot() async throws {
        let network = try Self.hub(cap: 3)
        var members: [Int] = []
        for host in 1...3 { members.append(try await Self.join(network, from: IPAddress(10, 9, 0, UInt8(host)))) }
        // The youngest member relays a block the hub lacks; the hub records it as new from it.
        let blocks = InMemoryPeerBlocks.chain(after: Self.genesis, count: 1)
        await network.nodes[members[2]].chain.extend(with: blocks)
        await network.announceBlock(blocks[0], from: members[2])
        #expect(await network.nodes[0].chain.tip == blocks[0].id)
        #expect(await network.nodes[0].manager.peers.values.contains {
            $0.address?.ip == IPAddress(10, 9, 0, 3) && $0.lastNovelBlockAt != nil
        })
        // Unprotected, the youngest would go; it is protected, so the middle one goes (the
        // oldest holds the group's slot).
        let newcomer = try await Self.join(network, from: IPAddress(10, 9, 0, 4))
        #expect(Self.evicted(network) == [members[1]])
        #expect(await Self.inboundNodes(of: network) == [members[0], members[2], newcomer])
    }

    @Test func anAnsweredPingRecordsItsRoundTrip() async throws {
        let network = try Self.hub(cap: 3)
        try await Self.join(network, from: IPAddress(10, 9, 0, 1))
        #expect(await network.nodes[0].manager.peers.values.allSatisfy { $0.fastestPingMillis == nil })
        await network.advance(by: 30_000)
        await network.advance(by: 10)
        // The in-memory network delivers within one instant: the round trip reads 0 ms.
        #expect(await network.nodes[0].manager.peers.values.map(\.fastestPingMillis) == [0])
    }
}

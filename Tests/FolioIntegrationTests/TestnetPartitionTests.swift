import FolioAPI
import FolioNode
import FolioTestSupport
import Foundation
import Testing

/// Partitions a real four-node PoA testnet through `folio-testnet partition` (the nodes' own
/// peer filters over `net_filter`), checks the groups stop hearing each other, heals, and
/// checks they agree again. Deadlines are generous; nothing asserts how fast.
@Suite(.serialized) struct TestnetPartitionTests {
    @Test func partitionCutsTheGroupsApartAndHealJoinsThem() async throws {
        let scratch = try TemporaryDirectory(prefix: "testnet-partition")
        defer { scratch.remove() }
        let directory = scratch.path + "/net"
        let common = ["--dir", directory]
        let up = try ExecutablesTests.run("folio-testnet", ["up", "--nodes", "4", "--engine", "poa", "--base-port", "19840"] + common,
                                         timeout: .seconds(600))
        defer { _ = try? ExecutablesTests.run("folio-testnet", ["down"] + common) }
        try #require(up.status == 0, "\(up.output)")
        let controller = TestnetController(directory: directory, foliod: "unused") { _ in }
        let state = try controller.loadState()

        let partition = try ExecutablesTests.run("folio-testnet", ["partition", "0,1/2,3"] + common)
        try #require(partition.status == 0, "\(partition.output)")
        #expect(try controller.loadState().partition?.groups == [[0, 1], [2, 3]])
        let status = try ExecutablesTests.run("folio-testnet", ["status"] + common)
        #expect(status.output.contains("partition: 0,1 / 2,3"), "\(status.output)")

        // Every node hears only its own group: at most one peer, and an outbound link only to it.
        let groupPorts: [Set<Int>] = [[state.nodes[0].p2pPort, state.nodes[1].p2pPort], [state.nodes[2].p2pPort, state.nodes[3].p2pPort]]
        let apart = await Self.eventually(seconds: 60) {
            for node in state.nodes {
                guard let peers = try? await Self.client(node, state).call(NetPeers.self), peers.count <= 1 else { return false }
                let own = groupPorts[node.index / 2]
                for peer in peers where peer.direction == "outbound" {
                    guard let port = peer.address.split(separator: ":").last.flatMap({ Int($0) }), own.contains(port) else { return false }
                }
            }
            return true
        }
        #expect(apart)
        let filter = try await Self.client(state.nodes[0], state).call(NetFilter.self, NetFilterParams())
        #expect(filter.blocked == ["127.0.0.1:\(state.nodes[2].p2pPort)", "127.0.0.1:\(state.nodes[3].p2pPort)"])

        // The highest tip under the partition: after the heal the chain must move past it.
        var stalledAt: UInt64 = 0
        for node in state.nodes {
            stalledAt = max(stalledAt, (try? await Self.client(node, state).call(ChainInfo.self).height) ?? 0)
        }

        let heal = try ExecutablesTests.run("folio-testnet", ["heal"] + common)
        try #require(heal.status == 0, "\(heal.output)")
        #expect(try controller.loadState().partition == nil)
        let cleared = try await Self.client(state.nodes[0], state).call(NetFilter.self, NetFilterParams())
        #expect(cleared.blocked.isEmpty)
        let joined = await Self.eventually(seconds: 120) {
            var heights: [UInt64] = []
            var tips = Set<String>()
            for node in state.nodes {
                guard let low = try? await Self.client(node, state).call(ChainInfo.self) else { return false }
                heights.append(low.height)
            }
            guard let lowest = heights.min(), lowest >= stalledAt + 3 else { return false }
            for node in state.nodes {
                guard let block = try? await Self.client(node, state).call(ChainBlock.self, BlockQuery(height: lowest - 1)) else { return false }
                tips.insert(block.id)
            }
            return tips.count == 1
        }
        #expect(joined, "the nodes did not agree past height \(stalledAt + 3) after the heal")
    }

    @Test func delayAndLossGoThroughTheLinkProxyAndDownUndoesThem() async throws {
        let scratch = try TemporaryDirectory(prefix: "testnet-proxy")
        defer { scratch.remove() }
        let directory = scratch.path + "/net"
        let common = ["--dir", directory]
        let up = try ExecutablesTests.run(
            "folio-testnet", ["up", "--nodes", "3", "--engine", "poa", "--base-port", "19880", "--proxy"] + common, timeout: .seconds(600))
        defer { _ = try? ExecutablesTests.run("folio-testnet", ["down"] + common) }
        try #require(up.status == 0, "\(up.output)")
        let controller = TestnetController(directory: directory, foliod: "unused") { _ in }
        let state = try controller.loadState()
        let links = try #require(state.proxyLinks)
        #expect(!links.isEmpty)
        for node in state.nodes {
            let dialled = links.filter { $0.from == node.index }.map { "127.0.0.1:\($0.listenPort)" }.joined(separator: ",")
            #expect(node.arguments.contains(dialled))
        }

        #expect(try ExecutablesTests.run("folio-testnet", ["delay", "1", "200"] + common).status == 0)
        #expect(try ExecutablesTests.run("folio-testnet", ["loss", "2", "30"] + common).status == 0)
        let refused = try ExecutablesTests.run("folio-testnet", ["loss", "2", "130"] + common)
        #expect(refused.status == 1 && refused.output.contains("0-100"), "\(refused.output)")
        let status = try ExecutablesTests.run("folio-testnet", ["status"] + common)
        #expect(status.output.contains("delay 1: 200 ms, loss 2: 30 %"), "\(status.output)")
        // Through the slowed proxy the chain still moves and the nodes agree.
        let start = (try? await Self.client(state.nodes[0], state).call(ChainInfo.self).height) ?? 0
        let moving = await Self.eventually(seconds: 120) {
            var heights: [UInt64] = []
            for node in state.nodes {
                guard let info = try? await Self.client(node, state).call(ChainInfo.self) else { return false }
                heights.append(info.height)
            }
            return (heights.min() ?? 0) >= start + 5
        }
        #expect(moving)

        #expect(try ExecutablesTests.run("folio-testnet", ["delay", "1", "0"] + common).status == 0)
        let down = try ExecutablesTests.run("folio-testnet", ["down"] + common)
        #expect(down.status == 0, "\(down.output)")
        #expect(controller.linkFaults().isEmpty)
        let proxyPid = try #require(try controller.loadState().proxyPid)
        let stat = (try? String(contentsOfFile: "/proc/\(proxyPid)/stat", encoding: .utf8)) ?? ""
        #expect(stat.isEmpty || stat.contains(") Z "), "the link proxy outlived down: \(stat)")
        let late = try ExecutablesTests.run("folio-testnet", ["delay", "1", "10"] + common)
        #expect(late.status == 1 && late.output.contains("proxy is not running"), "\(late.output)")
    }

    static func client(_ node: TestnetState.Node, _ state: TestnetState) -> RPCClient {
        RPCClient(endpoint: URL(string: node.rpcURL) ?? URL(fileURLWithPath: "/"), credentials: .token(state.rpcToken), timeout: 3)
    }

    static func eventually(seconds: Double, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return await condition()
    }
}

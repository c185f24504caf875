import FolioAPI
@testable import FolioNode
import FolioTestSupport
import Foundation
import Testing

/// `folio-testnet up --netns` on a machine that allows it (root, `ip`, `nft`, namespaces): each
/// node in its own network namespace; a partition and loss become nftables drops the kernel
/// applies; `heal` and `down` remove them, and `down` removes the namespaces. Where the machine
/// does not allow namespaces the suite is disabled, and says why.
@Suite(.serialized, .enabled(if: TestnetNamespaces.unavailable() == nil, "network namespaces are not available here"))
struct TestnetNamespaceTests {
    @Test func nodesRunInTheirOwnNamespacesAndPartitionsAreKernelDrops() async throws {
        let scratch = try TemporaryDirectory(prefix: "testnet-netns")
        defer { scratch.remove() }
        let directory = scratch.path + "/net"
        let common = ["--dir", directory]
        let up = try ExecutablesTests.run("folio-testnet", ["up", "--nodes", "3", "--engine", "poa", "--base-port", "19920", "--netns"] + common,
                                         timeout: .seconds(600))
        defer { _ = try? ExecutablesTests.run("folio-testnet", ["down"] + common) }
        try #require(up.status == 0, "\(up.output)")
        let controller = TestnetController(directory: directory, foliod: "unused") { _ in }
        let state = try controller.loadState()
        let spaces = try #require(state.namespaces)
        let ip = try #require(TestnetNamespaces.tool("ip"))
        for node in state.nodes {
            #expect(spaces.exists(node.index))
            #expect(node.rpcURL == "http://10.213.\(spaces.subnet).\(node.index + 1):\(node.rpcPort)/rpc")
        }
        // foliod runs inside the namespace: its network namespace differs from ours.
        let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net")
        let pid = try #require(state.nodes[0].pid)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/net") != own)

        let partition = try ExecutablesTests.run("folio-testnet", ["partition", "0/1,2"] + common)
        try #require(partition.status == 0, "\(partition.output)")
        let rules = try TestnetNamespaces.run(ip, ["netns", "exec", spaces.namespace(0), "nft", "list", "table", "inet", "folio"])
        #expect(rules.contains("ip saddr { \(spaces.address(1)), \(spaces.address(2)) } drop"), "\(rules)")
        // Alone, authority 0 of three may seal one block in two and stalls; 1 and 2 go on.
        let apart = await TestnetPartitionTests.eventually(seconds: 60) {
            guard let lone = try? await TestnetPartitionTests.client(state.nodes[0], state).call(ChainInfo.self),
                  let pair = try? await TestnetPartitionTests.client(state.nodes[1], state).call(ChainInfo.self) else { return false }
            return pair.height >= lone.height + 3
        }
        #expect(apart, "node 0 kept up with nodes 1 and 2 through the partition")

        let heal = try ExecutablesTests.run("folio-testnet", ["heal"] + common)
        try #require(heal.status == 0, "\(heal.output)")
        #expect(throws: TestnetError.self) {
            try TestnetNamespaces.run(ip, ["netns", "exec", spaces.namespace(0), "nft", "list", "table", "inet", "folio"])
        }
        var high: UInt64 = 0
        for node in state.nodes { high = max(high, (try? await TestnetPartitionTests.client(node, state).call(ChainInfo.self).height) ?? 0) }
        let joined = await TestnetPartitionTests.eventually(seconds: 120) {
            var tips = Set<String>()
            for node in state.nodes {
                guard let info = try? await TestnetPartitionTests.client(node, state).call(ChainInfo.self), info.height >= high + 2,
                      let block = try? await TestnetPartitionTests.client(node, state).call(ChainBlock.self, BlockQuery(height: high + 1))
                else { return false }
                tips.insert(block.id)
            }
            return tips.count == 1
        }
        #expect(joined, "the nodes did not agree past height \(high + 1) after the heal")

        let loss = try ExecutablesTests.run("folio-testnet", ["loss", "1", "30"] + common)
        #expect(loss.status == 0, "\(loss.output)")
        let lossy = try TestnetNamespaces.run(ip, ["netns", "exec", spaces.namespace(1), "nft", "list", "table", "inet", "folio"])
        #expect(lossy.contains("numgen random mod 100 < 30 drop"), "\(lossy)")
        let delay = try ExecutablesTests.run("folio-testnet", ["delay", "1", "100"] + common)
        #expect(delay.status != 0)
        #expect(delay.output.contains("netem"), "\(delay.output)")

        let down = try ExecutablesTests.run("folio-testnet", ["down"] + common)
        #expect(down.status == 0, "\(down.output)")
        for node in state.nodes { #expect(!spaces.exists(node.index)) }
        #expect(!FileManager.default.fileExists(atPath: "/sys/class/net/fb\(spaces.tag)"))
    }
}

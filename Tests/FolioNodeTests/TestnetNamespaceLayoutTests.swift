import Testing
@testable import FolioNode

/// The names, addresses and nftables rules of `up --netns`, without root.
@Suite struct TestnetNamespaceLayoutTests {
    let layout = TestnetNamespaces(directory: "/tmp/tn", nodeCount: 12)

    @Test func namesFitLinuxInterfaceLimitsAndAddressesFollowTheIndex() {
        #expect(layout.tag.count == 4)
        #expect(layout.bridge.count <= 15 && layout.hostEnd(11).count <= 15 && layout.nodeEnd(11).count <= 15)
        #expect(layout.namespace(3) == "folio-\(layout.tag)-3")
        #expect(layout.address(0) == "10.213.\(layout.subnet).1")
        #expect(layout.address(11) == "10.213.\(layout.subnet).12")
        #expect(layout.hostAddress == "10.213.\(layout.subnet).254")
        // Another directory gets other names, so two testnets can run side by side.
        #expect(TestnetNamespaces(directory: "/tmp/other", nodeCount: 2).tag != layout.tag)
    }

    @Test func noPartitionAndNoLossWritesNoTable() {
        #expect(layout.rules(for: 0, blocked: [], lossPercent: 0) == nil)
    }

    @Test func aPartitionDropsBothWaysAndLossSparesTheHost() throws {
        let text = try #require(layout.rules(for: 0, blocked: [2, 3], lossPercent: 15))
        let s = layout.subnet
        #expect(text.contains("ip saddr { 10.213.\(s).3, 10.213.\(s).4 } drop"))
        #expect(text.contains("ip daddr { 10.213.\(s).3, 10.213.\(s).4 } drop"))
        #expect(text.contains("ip saddr 10.213.\(s).0/24 ip saddr != 10.213.\(s).254 numgen random mod 100 < 15 drop"))
        #expect(text.hasPrefix("table inet folio {\n  chain input {\n    type filter hook input priority 0; policy accept;"))
    }
}

import FolioNetwork
import Testing
@testable import FolioNode

/// The inbound cap the file-descriptor limit leaves room for (the raise itself is exercised
/// in a child process by `FoliodDescriptorLimitTests`).
@Suite struct DescriptorBudgetTests {
    @Test func aLimitWithRoomToSpareLeavesMaxPeersAlone() {
        #expect(DescriptorBudget.inboundCap(requested: 117, outbound: 10, limit: 20_000) == 117)
        #expect(DescriptorBudget.inboundCap(requested: 64, outbound: 10, limit: 256) == 64)
    }

    @Test func inboundPeersOutboundLinksAndTheReserveFitInTheLimit() {
        // 256 descriptors: 150 kept, 32 for sockets past the cap, 10 outbound links, 64 left
        // for inbound peers.
        #expect(DescriptorBudget.reserved == 150)
        #expect(NetworkDefaults.pendingInboundSlack == 32)
        #expect(DescriptorBudget.inboundCap(requested: 1_000, outbound: 10, limit: 256) == 64)
        #expect(DescriptorBudget.inboundCap(requested: 65, outbound: 10, limit: 256) == 64)
        #expect(DescriptorBudget.wanted(maxPeers: 64, outbound: 10) == 256)
    }

    @Test func aLimitBelowTheReserveLeavesNoInboundSlot() {
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 100) == 0)
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 190) == 0)
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 191) == 1)
    }

    @Test func theSoftLimitInForceIsReadAndNeverLowered() throws {
        let now = try #require(DescriptorBudget.raiseLimit(towards: 0))
        #expect(now > 0)
        #expect(DescriptorBudget.raiseLimit(towards: 0) == now)
    }
}

import Testing
@testable import FolioNode

/// The inbound cap the file-descriptor limit leaves room for (the raise itself is exercised
/// in a child process by `FoliodDescriptorLimitTests`).
@Suite struct DescriptorBudgetTests {
    @Test func aLimitWithRoomToSpareLeavesMaxPeersAlone() {
        #expect(DescriptorBudget.inboundCap(requested: 117, outbound: 10, limit: 20_000) == 117)
        #expect(DescriptorBudget.inboundCap(requested: 96, outbound: 10, limit: 256) == 96)
    }

    @Test func inboundPeersOutboundLinksAndTheReserveFitInTheLimit() {
        // 256 descriptors: 150 kept, 10 outbound links, 96 left for inbound peers.
        #expect(DescriptorBudget.reserved == 150)
        #expect(DescriptorBudget.inboundCap(requested: 1_000, outbound: 10, limit: 256) == 96)
        #expect(DescriptorBudget.inboundCap(requested: 97, outbound: 10, limit: 256) == 96)
    }

    @Test func aLimitBelowTheReserveLeavesNoInboundSlot() {
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 100) == 0)
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 158) == 0)
        #expect(DescriptorBudget.inboundCap(requested: 16, outbound: 8, limit: 159) == 1)
    }

    @Test func theSoftLimitInForceIsReadAndNeverLowered() throws {
        let now = try #require(DescriptorBudget.raiseLimit(towards: 0))
        #expect(now > 0)
        #expect(DescriptorBudget.raiseLimit(towards: 0) == now)
    }
}

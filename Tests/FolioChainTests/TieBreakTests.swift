import FolioChain
import FolioConsensus
import FolioCore
import FolioTestSupport
import Testing

/// Two branches of equal score: first seen keeps the tip, or (proof-of-authority) the lower
/// block id wins on every node whatever order the blocks arrived in.
@Suite struct TieBreakTests {
    /// a1 and c1 both on genesis score the same. Under `lowerId` both arrival orders end on
    /// the block with the lower id, and its rival is kept as a side branch.
    @Test(arguments: [false, true])
    func underTheLowerIdRuleBothArrivalOrdersEndOnTheLowerId(reversed: Bool) async throws {
        let s = try Scenario(tieBreak: .lowerId)
        try await s.builder.build("a1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 7, nonce: 0)])
        try await s.builder.build("c1", on: "genesis")
        let a1 = try #require(await s.builder.block("a1")), c1 = try #require(await s.builder.block("c1"))
        #expect(a1.id != c1.id)
        let (first, second) = reversed ? ("c1", "a1") : ("a1", "c1")
        let (firstBlock, secondBlock) = reversed ? (c1, a1) : (a1, c1)
        try await s.submit(first, .connected, tip: first)
        let winner = secondBlock.id < firstBlock.id ? second : first
        try await s.submit(second, winner == second ? .reorganized(depth: 1) : .sideChain, tip: winner)
        #expect(await s.chain.tip.id == min(a1.id, c1.id))
        // The transfer in a1 counts only if a1 won.
        #expect(try s.balance(TestKeys.bob) == (winner == "a1" ? 1007 : 1000))
    }

    /// Under `firstSeen` the tip never moves on a tie, whichever id is lower.
    @Test func underFirstSeenTheEarlierBlockKeepsTheTip() async throws {
        let s = try Scenario()
        try await s.builder.build("a1", on: "genesis")
        try await s.builder.build("c1", on: "genesis", [s.transfer(TestKeys.alice, to: TestKeys.bob, 7, nonce: 0)])
        try await s.submit("a1", .connected, tip: "a1")
        try await s.submit("c1", .sideChain, tip: "a1")
    }
}

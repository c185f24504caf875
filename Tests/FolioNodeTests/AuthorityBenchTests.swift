import FolioAPI
import Testing
@testable import FolioNode

/// The arithmetic of `folio-testnet authority-bench` (B12) on hand-made sealers and times.
@Suite struct AuthorityBenchTests {
    /// Three authorities a, b, c: height h is c's when h mod 3 = 2, and so on.
    @Test func aBlockIsInTurnWhenItsSealerIsTheAuthorityAtHeightModN() {
        let sealers: [UInt64: String] = [3: "a", 4: "b", 5: "c", 6: "b", 7: "b", 8: "c"]
        // 3→a, 4→b, 5→c, 6→a (sealed by b), 7→b, 8→c: five of six.
        #expect(AuthorityBench.inTurnCount(sealers: sealers, authorities: ["a", "b", "c"]) == 5)
        #expect(AuthorityBench.inTurnCount(sealers: sealers, authorities: []) == 0)
    }

    @Test func aBlocksFirstConnectIsTheEarliestAmongTheNodes() {
        let entry = { (node: Int64) in BlockTimeEntry(id: "x", height: 9, heardMs: 0, validatedMs: node, validationMicros: 0) }
        let times: [[String: BlockTimeEntry]] = [["x": entry(1_250)], [:], ["x": entry(1_180)]]
        #expect(AuthorityBench.firstConnect("x", in: times) == 1_180)
        #expect(AuthorityBench.firstConnect("y", in: times) == nil)
    }

    /// Five authorities at a 1 s period: the bound is 1,000 + 5 × 500 = 3,500 ms.
    @Test func theTargetsAreNinetyNinePercentInTurnAndRecoveryWithinThePeriodPlusHalfASecondEach() {
        let quick = AuthorityBench.Recovery(height: 12, victim: 2, gapMillis: 3_100, outOfTurn: true)
        var report = AuthorityBench.Report(authorities: 5, periodSeconds: 1, measuredBlocks: 200, inTurnBlocks: 198, recoveries: [quick])
        #expect(report.recoveryBoundMillis == 3_500)
        #expect(report.inTurnShare == 0.99)
        #expect(report.meetsTargets)

        report.inTurnBlocks = 197
        #expect(!report.meetsTargets)
        report.inTurnBlocks = 200
        report.recoveries.append(AuthorityBench.Recovery(height: 20, victim: 0, gapMillis: 3_501, outOfTurn: true))
        #expect(!report.meetsTargets)
        // A trial whose block was sealed in turn after all measured nothing, and none left is not a pass.
        report.recoveries = [AuthorityBench.Recovery(height: 20, victim: 0, gapMillis: 9_000, outOfTurn: false)]
        #expect(report.validRecoveries.isEmpty && !report.meetsTargets)
    }
}

import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoW

/// Runs of fast and slow blocks under spacing 60 s and half-life 600 s from 0x1d00ffff.
/// ASERT is absolute: the target depends on how far the parent is from the ideal schedule
/// (sum of solve times − 60 × blocks). One half-life ahead halves the target (0x1d00ffff →
/// 0x1c7fff80), two quarter it (0x1c3fffc0); behind schedule is capped at the genesis target.
@Suite struct RetargetScenarioTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        let name: String
        let runs: [(count: Int, solveTime: Int64)]
        let expectedBits: UInt32
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "on schedule keeps the genesis target", runs: [(30, 60)], expectedBits: 0x1d00_ffff),
        Scenario(name: "20 blocks at 30 s: one half-life fast halves the target", runs: [(20, 30)], expectedBits: 0x1c7f_ff80),
        Scenario(name: "40 blocks at 30 s: two half-lives fast quarter it", runs: [(40, 30)], expectedBits: 0x1c3f_ffc0),
        Scenario(name: "fast then an equal slow run returns to genesis", runs: [(20, 30), (10, 120)], expectedBits: 0x1d00_ffff),
        Scenario(name: "40 fast then 10 slow recovers one halving", runs: [(40, 30), (10, 120)], expectedBits: 0x1c7f_ff80),
        Scenario(name: "slow from genesis cannot pass the genesis target", runs: [(20, 600)], expectedBits: 0x1d00_ffff),
    ]

    @Test(arguments: scenarios)
    func targetFollowsTheScheduleDeviation(scenario: Scenario) throws {
        var chain = try PoWTestChain(initialBits: 0x1d00_ffff)
        for run in scenario.runs {
            chain.builder.spacing = run.solveTime
            chain.builder.extend(run.count)
        }
        #expect(chain.engine.expectedBits(after: chain.builder.view.tip) == scenario.expectedBits)
    }

    @Test func fastBlocksMakeTheNextTargetHarderThanSlowOnes() throws {
        var fast = try PoWTestChain(initialBits: 0x1d00_ffff)
        fast.builder.spacing = 50
        fast.builder.extend(10)
        var slower = try PoWTestChain(initialBits: 0x1d00_ffff)
        slower.builder.spacing = 55
        slower.builder.extend(10)
        let fastTarget = try #require(CompactTarget.target(from: fast.engine.expectedBits(after: fast.builder.view.tip)))
        let slowTarget = try #require(CompactTarget.target(from: slower.engine.expectedBits(after: slower.builder.view.tip)))
        #expect(fastTarget < slowTarget)
    }
}

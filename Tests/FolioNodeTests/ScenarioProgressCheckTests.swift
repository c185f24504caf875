import Foundation
import Testing
@testable import FolioNode

/// R2's progress checks (`advance-after-each`, `catch-up`) over hand-made outcomes, and the
/// scenario keys they depend on.
@Suite struct ScenarioProgressCheckTests {
    private func runner() -> ScenarioRunner {
        ScenarioRunner(controller: TestnetController(directory: "/nonexistent", foliod: "/nonexistent") { _ in }) { _ in }
    }

    private func record(_ outcomes: [PerturbationWatch.Outcome]) -> RunRecord {
        var record = RunRecord()
        record.outcomes = outcomes
        return record
    }

    private let steady = [
        PerturbationWatch.Outcome(step: "kill node 1", advancedAfter: 2.5, caughtUpAfter: nil, rejoins: false),
        PerturbationWatch.Outcome(step: "start node 1", advancedAfter: 5.9, caughtUpAfter: 12, rejoins: true),
    ]

    /// The default wait is three block periods: 6 s at a 2 s period passes 5.9 s; at 1 s (3 s) it fails.
    @Test func theChainMustGrowWithinThreeBlockPeriodsOfEachStep() {
        let check = Scenario.Assertion(kind: "advance-after-each")
        let atTwo = runner().evaluateProgress(check, period: 2, record: record(steady))
        #expect(atTwo.0)
        #expect(atTwo.1.contains("kill node 1: 2.5 s, start node 1: 5.9 s"))
        #expect(!runner().evaluateProgress(check, period: 1, record: record(steady)).0)
    }

    @Test func aStepAfterWhichTheChainNeverGrewFails() {
        let stuck = steady + [PerturbationWatch.Outcome(step: "pause node 3", advancedAfter: nil, caughtUpAfter: nil, rejoins: false)]
        let result = runner().evaluateProgress(Scenario.Assertion(kind: "advance-after-each"), period: 2, record: record(stuck))
        #expect(!result.0)
        #expect(result.1.contains("pause node 3: never"))
    }

    /// Only steps that bring a node back count for catching up; 12 s passes 30 s, not 10 s.
    @Test func returningNodesMustReachTheOthersHeightInTime() {
        #expect(runner().evaluateProgress(Scenario.Assertion(kind: "catch-up", within: 30), period: 2, record: record(steady)).0)
        let tight = runner().evaluateProgress(Scenario.Assertion(kind: "catch-up", within: 10), period: 2, record: record(steady))
        #expect(!tight.0)
        #expect(tight.1 == "each returning node reached the others' height within 10 s (start node 1: 12.0 s)")
    }

    /// With nothing perturbed there is nothing to vouch for: the checks fail rather than pass empty.
    @Test func noWatchedStepsIsAFailureNotAPass() {
        #expect(!runner().evaluateProgress(Scenario.Assertion(kind: "advance-after-each"), period: 1, record: RunRecord()).0)
        #expect(!runner().evaluateProgress(Scenario.Assertion(kind: "catch-up"), period: 1, record: RunRecord()).0)
    }

    @Test func theShippedR2ScenarioSetsATwoSecondPeriodAndBothChecks() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try Scenario.load(path: root.appendingPathComponent("testnet/scenarios/r2-perturbations-poa.toml").path)
        #expect(scenario.blockPeriod == 2)
        #expect(scenario.check.map(\.kind).contains("advance-after-each"))
        #expect(scenario.check.map(\.kind).contains("catch-up"))
        #expect(ScenarioRunner.watchHorizon(scenario, period: 2) == 30)
        var plan = try TestnetPlan(nodeCount: 5, engine: .poa, basePort: 19_540)
        plan.blockPeriodSeconds = 2
        guard case let .proofOfAuthority(poa) = try plan.genesis(timestamp: 1_700_000_000).consensus else {
            Issue.record("not proof of authority")
            return
        }
        #expect(poa.periodSeconds == 2)
    }
}

import Foundation

/// What a scenario run noted while perturbing, for the fault checks.
struct RunRecord: Sendable {
    /// When the last `heal` finished.
    var healedAt: Date?
    /// The chains as they stood just before each `heal`.
    var surveys: [TestnetForkSurvey] = []
    /// `heal` steps whose survey failed (a node did not answer).
    var missedSurveys = 0
    /// How the chain and the returning nodes fared after each perturbation.
    var outcomes: [PerturbationWatch.Outcome] = []
}

extension ScenarioRunner {
    /// Carries out one perturbation and reports it; a failure is reported, not thrown, so
    /// the checks still run.
    func perturb(_ step: Scenario.Perturbation, scenario: Scenario, state: TestnetState, start: Date, record: inout RunRecord) async {
        let elapsed = { String(format: "  %6.1f s  ", Date().timeIntervalSince(start)) }
        do {
            switch step.action {
            case "partition":
                let partition = try TestnetPartition(groups: step.groups ?? [], nodeCount: scenario.nodes)
                try await controller.partition(partition)
                say(elapsed() + "partition \(partition)")
            case "heal":
                if let survey = await TestnetForkSurvey.take(state: state) {
                    record.surveys.append(survey)
                    say(elapsed() + "before heal: \(survey.summary)")
                } else {
                    record.missedSurveys += 1
                    say(elapsed() + "before heal: a node did not answer, so the branches were not surveyed")
                }
                try await controller.heal()
                record.healedAt = Date()
                say(elapsed() + "heal")
            case "delay":
                let node = step.node ?? 0
                try controller.delay(node, milliseconds: step.ms ?? 0)
                say(elapsed() + "delay node \(node) \(step.ms ?? 0) ms")
            case "loss":
                let node = step.node ?? 0
                try controller.loss(node, percent: step.percent ?? 0)
                say(elapsed() + "loss node \(node) \(step.percent ?? 0) %")
            default:
                let node = step.node ?? 0
                if step.action == "start" {
                    try await controller.start(node)
                } else if let action = SignalAction(rawValue: step.action) {
                    try await controller.signal(node, action)
                }
                say(elapsed() + "\(step.action) node \(node)")
            }
        } catch {
            say("  perturbation \(step.action) \(step.node.map(String.init) ?? "") failed: \(error)")
        }
    }

    /// The checks about partitions: agreement after the heal, reorg depth, and no two
    /// conflicting majority-sealed branches.
    func evaluateFault(_ check: Scenario.Assertion, state: TestnetState, record: RunRecord) async -> (Bool, String) {
        let within = check.within ?? 60
        switch check.kind {
        case "agree-after-heal":
            guard let healedAt = record.healedAt else { return (false, "agree after heal: the scenario never healed") }
            let left = max(healedAt.addingTimeInterval(within).timeIntervalSinceNow, 0)
            var agreedAt: Date?
            let ok = await pollClients(left, state: state) { clients in
                guard await TestnetAgreement.holds(clients) else { return false }
                agreedAt = Date()
                return true
            }
            let took = agreedAt.map { String(format: " (agreed %.1f s after the heal)", $0.timeIntervalSince(healedAt)) } ?? ""
            return (ok, "all running nodes on one chain within \(Int(within)) s of the heal\(took)")
        case "reorg-depth":
            let depths = await TestnetReorgDepth.read(state: state)
            let running = state.nodes.filter { TestnetProcesses.isRunning($0.pid) }.count
            let deepest = depths.values.max() ?? 0
            let perNode = depths.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
            let ok = depths.count == running && check.max.map { deepest <= $0 } ?? true
            let bound = check.max.map { " (at most \($0) allowed)" } ?? ""
            return (ok, "deepest reorg \(deepest) blocks\(bound); per node \(perNode)"
                + (depths.count == running ? "" : "; \(running - depths.count) nodes gave no metrics"))
        default:
            let authorities = state.nodes.filter { $0.role == "authority" }.count
            guard !record.surveys.isEmpty, record.missedSurveys == 0 else {
                return (false, "no conflicting majority: the branches were not surveyed at every heal")
            }
            let bad = record.surveys.filter { !$0.majorityBranches(authorities: authorities).isEmpty }
            let branches = record.surveys.map { "\($0.branches.filter { $0.length > 0 }.count) branches" }.joined(separator: ", ")
            return (bad.isEmpty, "no two conflicting branches each sealed by a majority of \(authorities) authorities "
                + "(at heal: \(branches))" + (bad.isEmpty ? "" : "; violated: \(bad.map(\.summary).joined(separator: "; "))"))
        }
    }
}

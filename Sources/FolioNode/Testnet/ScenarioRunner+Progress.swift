import Foundation

extension ScenarioRunner {
    /// How long each perturbation is watched: the longest wait its progress checks allow
    /// (`period`: the testnet's block period in seconds).
    static func watchHorizon(_ scenario: Scenario, period: Double) -> Double {
        let waits = scenario.check.compactMap { check -> Double? in
            switch check.kind {
            case "advance-after-each": return check.within ?? 3 * period
            case "catch-up": return check.within ?? 30
            default: return nil
            }
        }
        return waits.max() ?? 30
    }

    /// R2's progress checks over the watched perturbations: the chain grew within `within`
    /// seconds after each (default three block periods), and each node started or resumed
    /// reached the others' height within `within` (default 30 s). Every time is reported.
    func evaluateProgress(_ check: Scenario.Assertion, period: Double, record: RunRecord) -> (Bool, String) {
        let seconds = { (value: Double?) in value.map { String(format: "%.1f s", $0) } ?? "never" }
        if check.kind == "advance-after-each" {
            let within = check.within ?? 3 * period
            let late = record.outcomes.filter { ($0.advancedAfter ?? .infinity) > within }
            let times = record.outcomes.map { "\($0.step): \(seconds($0.advancedAfter))" }.joined(separator: ", ")
            return (!record.outcomes.isEmpty && late.isEmpty,
                    "height grew within \(String(format: "%.0f", within)) s of each perturbation (\(times))")
        }
        let within = check.within ?? 30
        let returning = record.outcomes.filter(\.rejoins)
        let late = returning.filter { ($0.caughtUpAfter ?? .infinity) > within }
        let times = returning.map { "\($0.step): \(seconds($0.caughtUpAfter))" }.joined(separator: ", ")
        return (!returning.isEmpty && late.isEmpty,
                "each returning node reached the others' height within \(Int(within)) s (\(times))")
    }
}

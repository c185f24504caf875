import ArgumentParser
import FolioNode
import Foundation

struct AuthorityBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authority-bench", abstract: "Measure proof-of-authority sealing on the running testnet (B12).",
        discussion: """
            First reads the sealers of N new blocks with every authority up and counts those \
            sealed in turn (target ≥ 99%). Then, K times: as a block at height h lands, kills the \
            authority in turn at h + 2 (SIGKILL), measures from the first connect of h + 1 to the \
            first connect of h + 2 (sealed out of turn; target ≤ period + N × 500 ms), restarts \
            the node and waits until the nodes agree again. Every node must be an authority.
            Example:
              folio-testnet up --nodes 5 --engine poa && folio-testnet authority-bench --blocks 200 --kills 5
            """)
    @OptionGroup var common: CommonOptions
    @Option(help: "Blocks to read the sealers of with every authority up (1-2000).") var blocks: Int = 100
    @Option(help: "Recovery trials, each killing and restarting one authority (0-50).") var kills: Int = 5
    @Flag(help: "Also print one JSON object with every figure.") var json = false

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let report = try await AuthorityBench.run(controller: common.controller(), blocks: blocks, kills: kills) { print($0) }
            print(String(format: "authorities %d, period %u s; in turn: %d of %d blocks (%.1f%%, target ≥ 99%%)",
                         report.authorities, report.periodSeconds, report.inTurnBlocks, report.measuredBlocks, report.inTurnShare * 100))
            let gaps = report.validRecoveries.map(\.gapMillis)
            if let worst = gaps.max() {
                print(String(format: "recovery with the in-turn authority down: %d trials, max %.0f ms, bound %.0f ms (period + N × 500 ms)",
                             gaps.count, worst, report.recoveryBoundMillis))
            } else if kills > 0 {
                print("recovery: no trial measured (every kill came too late)")
            }
            print(report.meetsTargets ? "B12: both targets met" : "B12: not met")
            if json {
                let trials = report.recoveries.map {
                    "{\"height\":\($0.height),\"victim\":\($0.victim),\"gapMs\":\(String(format: "%.0f", $0.gapMillis)),\"outOfTurn\":\($0.outOfTurn)}"
                }
                print("{\"authorities\":\(report.authorities),\"periodSeconds\":\(report.periodSeconds),\"blocks\":\(report.measuredBlocks),"
                    + "\"inTurn\":\(report.inTurnBlocks),\"boundMs\":\(String(format: "%.0f", report.recoveryBoundMillis)),"
                    + "\"meetsTargets\":\(report.meetsTargets),\"recoveries\":[\(trials.joined(separator: ","))]}")
            }
            if !report.meetsTargets { throw TestnetError.setup("B12 targets not met") }
        }
    }
}

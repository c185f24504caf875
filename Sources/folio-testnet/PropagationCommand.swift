import ArgumentParser
import FolioNode
import Foundation

struct PropagationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propagation", abstract: "Measure block propagation on the running testnet (B9/B10).",
        discussion: """
            Waits for N new blocks, then reads every node's net_blocktimes: per block, when 95% of \
            the nodes had heard of it and had validated it, and when all had, in ms after the first \
            node connected it; B9's lower bound is nodes × mean validation time ÷ cores + diameter × \
            loopback RTT (measured now).
            Example (B9):
              folio-testnet up --nodes 20 --degree 8 && folio-testnet propagation --blocks 100
            Example (B10): up --proxy, then `delay I 25` and `loss I 3` on every node, then propagation.
            With --load N it first funds 2N load accounts, then sends N signed transfers a second \
            over RPC to the nodes in turn while it measures, so blocks carry about N transactions \
            each second of the testnet's block period (heavy blocks for B9 and B11).
            Example (heavy blocks, about 400 transfers a block):
              folio-testnet up --nodes 20 --degree 8 --block-period 4 && folio-testnet propagation --blocks 40 --load 100
            """)
    @OptionGroup var common: CommonOptions
    @Option(help: "Blocks to measure (1-1000).") var blocks: Int = 100
    @Option(help: "Cores the lower bound shares validation among.") var cores: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Send this many signed transfers a second over RPC while measuring (heavy blocks).") var load: Int?
    @Flag(help: "Also print one JSON object with every figure.") var json = false

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let report = try await PropagationBench.run(controller: common.controller(), count: blocks, cores: cores,
                                                           loadPerSecond: load) { print($0) }
            let ms = { (value: Double) in value.isFinite ? String(format: "%.1f ms", value) : "never" }
            print("blocks \(report.blocks.count), nodes \(report.nodes), diameter \(report.diameter), "
                + String(format: "loopback RTT %.3f ms, %d cores", report.rttMillis, report.cores))
            let sizes = report.blocks.map { Double($0.sizeBytes) }, counts = report.blocks.map { Double($0.transactions) }
            print(String(format: "block size:                 median %.0f bytes [%.0f, %.0f], transactions median %.0f [%.0f, %.0f]",
                         PropagationBench.percentile(sizes, 0.5), sizes.min() ?? 0, sizes.max() ?? 0,
                         PropagationBench.percentile(counts, 0.5), counts.min() ?? 0, counts.max() ?? 0))
            print("heard by 95% of nodes:      p95 \(ms(report.p95(\.heard95))), max \(ms(report.max(\.heard95)))")
            print("validated by 95% of nodes:  p95 \(ms(report.p95(\.validated95))), max \(ms(report.max(\.validated95)))")
            print("validated by all nodes:     p95 \(ms(report.p95(\.validatedAll))), max \(ms(report.max(\.validatedAll)))")
            print("lower bound (B9):           p95 \(ms(report.p95(\.bound)))")
            print(String(format: "validated95 / bound:        p95 %.2f×", report.boundRatioP95))
            if let median = report.bodyRatioMedian, let worst = report.bodyRatioMax {
                print(String(format: "block bytes received / block bytes (B11): median %.3f, max %.3f (target ≤ 1.05)", median, worst))
            }
            if json {
                let fields: [String: Double] = [
                    "blocks": Double(report.blocks.count), "nodes": Double(report.nodes), "diameter": Double(report.diameter),
                    "rttMs": report.rttMillis, "heard95P95Ms": report.p95(\.heard95), "validated95P95Ms": report.p95(\.validated95),
                    "validatedAllP95Ms": report.p95(\.validatedAll), "validatedAllMaxMs": report.max(\.validatedAll),
                    "boundP95Ms": report.p95(\.bound), "boundRatioP95": report.boundRatioP95,
                    "bodyRatioMedian": report.bodyRatioMedian ?? .nan, "bodyRatioMax": report.bodyRatioMax ?? .nan,
                    "blockBytesMedian": PropagationBench.percentile(sizes, 0.5),
                    "transactionsMedian": PropagationBench.percentile(counts, 0.5),
                ]
                let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value.isFinite ? String(format: "%.3f", $0.value) : "null")" }
                print("{" + body.joined(separator: ",") + "}")
            }
        }
    }
}

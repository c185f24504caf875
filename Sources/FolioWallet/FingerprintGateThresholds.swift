import FolioFingerprint
import Foundation

/// The chain-gate thresholds a distance histogram gives (`folio fingerprint eval --histogram`):
/// for each false-positive budget, the largest distance t such that matching every pair at or
/// under t bits stays within it, with the pairs that actually match there.
public enum FingerprintGateThresholds {
    /// The budgets reported, per million impostor pairs: 0.01 %, 0.1 % and 1 %.
    public static let budgetsPerMillion = [100, 1_000, 10_000]

    /// One row per budget, then the closest impostor pair.
    public static func table(_ histogram: DistanceHistogram) -> TextTable {
        var table = TextTable(header: ["FPR BUDGET", "GATE (≤ BITS)", "IMPOSTORS MATCHED", "GENUINE MATCHED (TPR)"])
        let impostors = histogram.impostorCount, genuine = histogram.genuineCount
        for budget in budgetsPerMillion {
            let label = "\(percent(budget))"
            guard let t = histogram.threshold(falsePositivesPerMillion: budget) else {
                table.rows.append([label, "none", "-", "-"])
                continue
            }
            let matched = histogram.genuine(atMost: t)
            table.rows.append([label, "\(t)", "\(histogram.impostors(atMost: t)) / \(impostors)",
                               "\(matched) / \(genuine) (\(String(format: "%.4f", histogram.truePositiveRate(atMost: t))))"])
        }
        table.rows.append(["closest impostor", histogram.closestImpostor.map { "\($0) bits" } ?? "none", "", ""])
        return table
    }

    /// 100 per million → "0.01%".
    static func percent(_ perMillion: Int) -> String {
        var text = String(format: "%.4f", Double(perMillion) / 10_000)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}

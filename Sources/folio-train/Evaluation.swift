import FolioFingerprint
import Foundation

/// Scores a model on held-out synthetic works: genuine pairs (a work and a transformed copy)
/// against impostor pairs (two different works), by Hamming distance of the integer codes.
struct Evaluation {
    var genuine: [(kind: String, distance: Int)] = []
    var impostor: [Int] = []

    static func run<S: WorkSynthesiser>(_ synth: S, model: FingerprintModel, works: Int,
                                        random: inout SeededRandom) throws -> Evaluation {
        var result = Evaluation()
        var originals: [[UInt8]] = []
        func code(_ work: DecodedWork) throws -> [UInt8] {
            let features = try Features.extract(work, revision: model.featureRevision(synth.medium))
            return try model.fingerprint(features, medium: synth.medium).bytes
        }
        for _ in 0..<works {
            let work = synth.makeWork(&random)
            let original = try code(synth.original(work))
            originals.append(original)
            for kind in synth.transforms + ["mixed"] {
                let copy = try code(synth.transformed(work, kind: kind == "mixed" ? nil : kind, &random))
                result.genuine.append((kind, distance(original, copy)))
            }
        }
        for i in 0..<originals.count { for j in i + 1..<originals.count { result.impostor.append(distance(originals[i], originals[j])) } }
        return result
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int { zip(a, b).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount } }

    /// The largest threshold whose impostor acceptance stays at or below `fpr` (−1 if none).
    func threshold(atFPR fpr: Double) -> Int {
        let sorted = impostor.sorted()
        var best = -1
        for d in 0...256 {
            let accepted = sorted.prefix { $0 <= d }.count
            if Double(accepted) <= fpr * Double(sorted.count) { best = d } else { break }
        }
        return best
    }

    func tpr(_ threshold: Int, kind: String? = nil) -> Double {
        let pool = genuine.filter { kind == nil || $0.kind == kind }
        return Double(pool.filter { $0.distance <= threshold }.count) / Double(max(1, pool.count))
    }

    /// P(genuine distance < impostor distance), ties counting half.
    var auc: Double {
        var counts = [Int](repeating: 0, count: 258)
        for d in impostor { counts[d + 1] += 1 }
        for d in 1..<258 { counts[d] += counts[d - 1] }  // counts[d] = impostors with distance < d
        var total = 0.0
        for g in genuine {
            let below = counts[g.distance], equalOrBelow = counts[g.distance + 1]
            total += Double(impostor.count - equalOrBelow) + 0.5 * Double(equalOrBelow - below)
        }
        return total / Double(max(1, genuine.count * impostor.count))
    }

    static func quantiles(_ values: [Int]) -> String {
        let s = values.sorted()
        guard !s.isEmpty else { return "none" }
        let q = { (p: Double) in s[min(s.count - 1, Int(p * Double(s.count)))] }
        return "min \(s[0])  p1 \(q(0.01))  p5 \(q(0.05))  median \(q(0.5))  p95 \(q(0.95))  p99 \(q(0.99))  max \(s[s.count - 1])"
    }

    func report(_ medium: Medium, transforms: [String]) -> String {
        let t01 = threshold(atFPR: 0.001), t1 = threshold(atFPR: 0.01)
        var lines = ["\(medium): \(genuine.count) genuine pairs, \(impostor.count) impostor pairs",
                     "  genuine distances:  \(Self.quantiles(genuine.map(\.distance)))",
                     "  impostor distances: \(Self.quantiles(impostor))",
                     String(format: "  TPR at FPR 0.1%%: %.3f (threshold %d)   TPR at FPR 1%%: %.3f (threshold %d)   ROC AUC %.4f",
                            tpr(t01), t01, tpr(t1), t1, auc)]
        lines.append("  per transform, TPR at the 0.1% threshold: " + (transforms + ["mixed"]).map {
            String(format: "%@ %.2f", $0, tpr(t01, kind: $0))
        }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

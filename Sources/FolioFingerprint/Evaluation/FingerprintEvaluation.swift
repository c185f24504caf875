import Dispatch
import Foundation

/// The scores of one fingerprinter on one evaluation folder.
public struct EvaluationReport: Sendable, Encodable, Equatable {
    /// Per transform: how often a copy made that way is still matched to its original.
    public struct TransformRate: Sendable, Encodable, Equatable {
        /// The transform's file name (`<work>/<transform>.*`).
        public let transform: String
        /// How many works have a copy made this way.
        public let pairs: Int
        /// True-positive rate at the folder's FPR 0.1 % threshold.
        public let tprAtFPR0_1: Double
        /// True-positive rate at the folder's FPR 1 % threshold.
        public let tprAtFPR1: Double
        /// Median distance between these copies and their originals.
        public let medianDistance: Double
    }

    /// Works (folders).
    public let works: Int
    /// Files scored.
    public let files: Int
    /// Original-against-copy pairs of the same work.
    public let genuinePairs: Int
    /// Pairs of different works.
    public let impostorPairs: Int
    /// True-positive rate at a false-positive rate of at most 0.1 %.
    public let tprAtFPR0_1: Double
    /// Matches are distances below this (nil: everything matches).
    public let thresholdAtFPR0_1: Double?
    /// True-positive rate at a false-positive rate of at most 1 %.
    public let tprAtFPR1: Double
    /// Matches are distances below this (nil: everything matches).
    public let thresholdAtFPR1: Double?
    /// Area under the ROC curve.
    public let rocAUC: Double
    /// Median genuine distance.
    public let genuineMedian: Double
    /// Smallest impostor distance.
    public let impostorMinimum: Double
    /// Median impostor distance.
    public let impostorMedian: Double
    /// One row per transform, by name.
    public let transforms: [TransformRate]
}

/// Scores codes laid out as an `EvaluationLayout`: every fingerprinter, Folio's or a
/// reference's, goes through this same function, so their numbers are comparable.
public enum FingerprintEvaluation {
    /// The distances of a folder's pairs, in the layout's order: `genuine[i]` is
    /// `layout.genuinePairs[i]`'s; the impostor order carries no meaning.
    public struct PairDistances: Sendable, Equatable {
        /// One per genuine pair.
        public let genuine: [Double]
        /// One per impostor pair.
        public let impostor: [Double]
    }

    /// Scores `codes` (one per file of `layout`, same order) compared with `distance`.
    public static func evaluate(layout: EvaluationLayout, codes: [[UInt8]],
                                distance: CodeDistance) throws(EvaluationError) -> EvaluationReport {
        try evaluate(layout: layout, distances: pairDistances(layout: layout, codes: codes, distance: distance))
    }

    /// The distance of every genuine and impostor pair of `layout`, with `codes` (one per file,
    /// same order) compared by `distance`.
    public static func pairDistances(layout: EvaluationLayout, codes: [[UInt8]],
                                     distance: CodeDistance) throws(EvaluationError) -> PairDistances {
        guard codes.count == layout.files.count else {
            throw .missingCode(layout.files[min(codes.count, layout.files.count - 1)].path)
        }
        let expected = codes.first?.count ?? 0
        for (file, code) in zip(layout.files, codes) {
            if let problem = distance.problem(with: code, expectedLength: expected) {
                throw .badCode(path: file.path, reason: problem)
            }
        }
        let words = codes.map(CodeDistance.words)
        return PairDistances(genuine: layout.genuinePairs.map { distance.distance(words[$0.original], words[$0.copy]) },
                             impostor: impostorDistances(layout: layout, words: words, distance: distance))
    }

    /// Scores pair distances already measured on `layout` (see `pairDistances`).
    public static func evaluate(layout: EvaluationLayout, distances: PairDistances) -> EvaluationReport {
        let genuinePairs = layout.genuinePairs
        let genuine = distances.genuine, impostor = distances.impostor
        let scores = DetectionScores(genuine: genuine, impostor: impostor)
        let strict = scores.operatingPoint(falsePositivesPerMillion: 1_000)
        let loose = scores.operatingPoint(falsePositivesPerMillion: 10_000)

        var byTransform: [String: [Double]] = [:]
        for (pair, d) in zip(genuinePairs, genuine) {
            byTransform[layout.files[pair.copy].transform ?? "original", default: []].append(d)
        }
        let transforms = byTransform.keys.sorted().map { name in
            let ds = byTransform[name] ?? []
            return EvaluationReport.TransformRate(
                transform: name, pairs: ds.count,
                tprAtFPR0_1: DetectionScores.rate(of: ds, below: strict.threshold),
                tprAtFPR1: DetectionScores.rate(of: ds, below: loose.threshold),
                medianDistance: median(ds.sorted()))
        }
        return EvaluationReport(
            works: layout.originals.count, files: layout.files.count, genuinePairs: genuine.count,
            impostorPairs: impostor.count, tprAtFPR0_1: strict.truePositiveRate, thresholdAtFPR0_1: strict.threshold,
            tprAtFPR1: loose.truePositiveRate, thresholdAtFPR1: loose.threshold, rocAUC: scores.rocAUC,
            genuineMedian: median(scores.genuine), impostorMinimum: scores.impostor.first ?? 0,
            impostorMedian: median(scores.impostor), transforms: transforms)
    }

    /// The middle value of an ascending list (the mean of the two middle ones for an even count).
    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Impostor distances, one work's original per task (Chromaprint's shifted comparison makes
    /// these the bulk of the time); the order does not matter, only the sorted list is used.
    private static func impostorDistances(layout: EvaluationLayout, words: [[UInt32]], distance: CodeDistance) -> [Double] {
        let results = ResultSlots(count: layout.originals.count)
        DispatchQueue.concurrentPerform(iterations: layout.originals.count) { w in
            let original = words[layout.originals[w]]
            results.set(w, layout.impostors(ofWork: w).map { distance.distance(original, words[$0]) })
        }
        return results.joined()
    }
}

/// One slot per task, each written once by its own task.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Double]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ values: [Double]) { lock.withLock { slots[index] = values } }

    func joined() -> [Double] { lock.withLock { slots.flatMap { $0 } } }
}

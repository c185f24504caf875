/// Detection quality from the distances of genuine pairs (same work) and impostor pairs
/// (different works), for a detector that calls a pair a match when its distance is below a
/// threshold.
public struct DetectionScores: Sendable {
    /// Genuine distances, ascending.
    public let genuine: [Double]
    /// Impostor distances, ascending.
    public let impostor: [Double]

    /// Sorts both lists; neither may be empty.
    public init(genuine: [Double], impostor: [Double]) {
        self.genuine = genuine.sorted()
        self.impostor = impostor.sorted()
    }

    /// The operating point for a false-positive rate of at most `perMillion` / 1,000,000.
    public struct OperatingPoint: Sendable, Equatable {
        /// Pairs with a distance strictly below this are matches; nil: every pair matches.
        public let threshold: Double?
        /// Fraction of genuine pairs that match.
        public let truePositiveRate: Double
        /// Fraction of impostor pairs that match (at most the rate asked for).
        public let falsePositiveRate: Double
    }

    /// The best true-positive rate whose false-positive rate does not exceed the target.
    ///
    /// At most k = ⌊n·f⌋ of the n impostors may match. With the impostors sorted, a threshold
    /// lets at most k through exactly when it is no higher than the (k+1)-th smallest impostor
    /// distance, so that distance is the threshold (matches are strictly below it) and ties at
    /// it are all rejected: the rate is never flattered by a tie.
    public func operatingPoint(falsePositivesPerMillion perMillion: Int) -> OperatingPoint {
        let allowed = impostor.count * perMillion / 1_000_000
        let threshold: Double? = allowed < impostor.count ? impostor[allowed] : nil
        let matches = threshold.map { t in genuine.prefix { $0 < t }.count } ?? genuine.count
        let falseMatches = threshold.map { t in impostor.prefix { $0 < t }.count } ?? impostor.count
        return OperatingPoint(threshold: threshold,
                              truePositiveRate: Double(matches) / Double(max(1, genuine.count)),
                              falsePositiveRate: Double(falseMatches) / Double(max(1, impostor.count)))
    }

    /// Area under the ROC curve: the chance that a random genuine pair is closer than a random
    /// impostor pair, ties counting one half (the Mann–Whitney statistic).
    public var rocAUC: Double {
        guard !genuine.isEmpty, !impostor.isEmpty else { return 0 }
        // Twice the sum, so ties (one half each) stay integers.
        var twiceWins: Int64 = 0
        var below = 0, notAbove = 0  // impostors < g, impostors <= g
        for g in genuine {
            while below < impostor.count, impostor[below] < g { below += 1 }
            while notAbove < impostor.count, impostor[notAbove] <= g { notAbove += 1 }
            twiceWins += Int64(2 * (impostor.count - notAbove) + (notAbove - below))
        }
        return Double(twiceWins) / (2 * Double(genuine.count) * Double(impostor.count))
    }

    /// The fraction of `distances` strictly below `threshold` (all of them when it is nil).
    public static func rate(of distances: [Double], below threshold: Double?) -> Double {
        guard !distances.isEmpty else { return 0 }
        guard let threshold else { return 1 }
        return Double(distances.count { $0 < threshold }) / Double(distances.count)
    }
}

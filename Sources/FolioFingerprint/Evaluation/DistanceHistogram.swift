/// Genuine and impostor pairs counted at each whole Hamming distance, and what a gate that
/// matches "distance ≤ t" (the chain's `duplicateDistance` and `similarityDistance` rule)
/// would do at each t: the curves the chain's thresholds are chosen from.
///
/// `DetectionScores` answers the evaluation's question (matches strictly below a threshold
/// taken from the data); this answers the chain's (pairs at or under a distance written in
/// the genesis file), so its thresholds are inclusive: one less than the evaluation's.
public struct DistanceHistogram: Sendable, Equatable {
    /// The largest distance counted: the code's length in bits.
    public let maximumDistance: Int
    /// `genuine[d]`: how many genuine pairs are exactly `d` bits apart.
    public let genuine: [Int]
    /// `impostor[d]`: how many impostor pairs are exactly `d` bits apart.
    public let impostor: [Int]

    /// Why distances cannot be counted.
    public enum Problem: Error, Equatable, Sendable {
        /// A distance is negative, above `maximumDistance`, or not a whole number.
        case distanceOutOfRange(Double)
    }

    /// Counts whole distances in 0...`maximumDistance`.
    public init(genuine: [Double], impostor: [Double], maximumDistance: Int) throws(Problem) {
        func counts(_ distances: [Double]) throws(Problem) -> [Int] {
            var out = Array(repeating: 0, count: maximumDistance + 1)
            for d in distances {
                guard d >= 0, d <= Double(maximumDistance), d == d.rounded() else { throw .distanceOutOfRange(d) }
                out[Int(d)] += 1
            }
            return out
        }
        self.maximumDistance = maximumDistance
        self.genuine = try counts(genuine)
        self.impostor = try counts(impostor)
    }

    /// Genuine pairs counted.
    public var genuineCount: Int { genuine.reduce(0, +) }
    /// Impostor pairs counted.
    public var impostorCount: Int { impostor.reduce(0, +) }

    /// Genuine pairs at or under `distance` bits.
    public func genuine(atMost distance: Int) -> Int { Self.cumulative(genuine, distance) }
    /// Impostor pairs at or under `distance` bits.
    public func impostors(atMost distance: Int) -> Int { Self.cumulative(impostor, distance) }

    /// The fraction of genuine pairs a gate at `distance` matches.
    public func truePositiveRate(atMost distance: Int) -> Double {
        Double(genuine(atMost: distance)) / Double(max(1, genuineCount))
    }

    /// The fraction of impostor pairs a gate at `distance` matches.
    public func falsePositiveRate(atMost distance: Int) -> Double {
        Double(impostors(atMost: distance)) / Double(max(1, impostorCount))
    }

    /// The closest impostor pair's distance (nil: no impostor pairs).
    public var closestImpostor: Int? { impostor.firstIndex { $0 > 0 } }

    /// The largest `t` whose false-positive rate (pairs ≤ t) is at most `perMillion` / 1,000,000;
    /// nil when even `t` = 0 matches more impostors than that.
    public func threshold(falsePositivesPerMillion perMillion: Int) -> Int? {
        // count / n ≤ perMillion / 10⁶, kept in integers so a rate at the limit counts as within it.
        let allowed = { (count: Int) in count * 1_000_000 <= self.impostorCount * perMillion }
        var best: Int?
        var count = 0
        for d in 0...maximumDistance {
            count += impostor[d]
            guard allowed(count) else { break }
            best = d
        }
        return best
    }

    /// One line per distance 0...maximumDistance, after a header:
    /// `distance,genuine,impostor,genuine_at_most,impostor_at_most,tpr,fpr`.
    public var csv: String {
        var lines = ["distance,genuine,impostor,genuine_at_most,impostor_at_most,tpr,fpr"]
        var g = 0, i = 0
        for d in 0...maximumDistance {
            g += genuine[d]
            i += impostor[d]
            lines.append("\(d),\(genuine[d]),\(impostor[d]),\(g),\(i),\(Self.rate(g, genuineCount)),\(Self.rate(i, impostorCount))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cumulative(_ counts: [Int], _ distance: Int) -> Int {
        guard distance >= 0 else { return 0 }
        return counts.prefix(distance + 1).reduce(0, +)
    }

    /// A rate with enough digits to tell 1 impostor in a million from none: the count over the
    /// total, printed as a decimal with 8 places (done in integers, so no platform formatting).
    static func rate(_ count: Int, _ total: Int) -> String {
        guard total > 0 else { return "0.00000000" }
        let scaled = (count * 100_000_000 + total / 2) / total
        let digits = String(scaled % 100_000_000)
        return "\(scaled / 100_000_000)." + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

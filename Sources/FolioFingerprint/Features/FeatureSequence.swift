/// A work as the encoder sees it: a sequence of steps, each `width` signed Q12 values
/// (4,096 = 1.0), all media alike.
public struct FeatureSequence: Equatable, Sendable {
    /// Values per step.
    public static let width = 16
    /// Fraction bits of each value.
    public static let fractionBits = 12

    /// `count × width` values, step by step.
    public var values: [Int16]

    /// Wraps values whose count is a multiple of `width`.
    init(values: [Int16]) {
        precondition(values.count % FeatureSequence.width == 0, "feature values come in whole steps")
        self.values = values
    }

    /// Number of steps.
    public var count: Int { values.count / FeatureSequence.width }

    /// The values of step `t`.
    public func step(_ t: Int) -> ArraySlice<Int16> {
        values[t * FeatureSequence.width..<(t + 1) * FeatureSequence.width]
    }
}

/// Averages over exact areas: output cell j of m covers source cells [j·n/m, (j+1)·n/m), each
/// source cell weighted by the length it shares with that interval. Sums stay unnormalised
/// (scaled by n) so two passes can divide once.
enum AreaResampler {
    /// Resamples `count` values read through `value` into `outCount` area sums, each `count`
    /// times the mean over its interval.
    static func areaSums(count n: Int, outCount m: Int, value: (Int) -> Int64) -> [Int64] {
        var out = [Int64](repeating: 0, count: m)
        // Scaled by m, source i spans [i·m, (i+1)·m) and output j spans [j·n, (j+1)·n).
        var i = 0
        for j in 0..<m {
            let lo = j * n, hi = (j + 1) * n
            var sum: Int64 = 0
            while i < n {
                let start = max(i * m, lo), end = min((i + 1) * m, hi)
                if end > start { sum += value(i) * Int64(end - start) }
                if (i + 1) * m > hi { break }
                i += 1
            }
            out[j] = sum
        }
        return out
    }
}

/// Where the pooling segments of a step sequence begin and end, in integers only.
///
/// With T steps and S segments, segment s covers steps ⌊s·T/S⌋ ..< ⌊(s+1)·T/S⌋: contiguous,
/// in order, covering every step once, the lengths differing by at most one. When T < S some
/// segments are empty (T = 2, S = 4: bounds 0, 0, 1, 1, 2, so segments 1 and 3 hold one step
/// each and 0 and 2 none); an empty segment pools to zeros, the LSTM's initial hidden state,
/// and nothing is divided by its length. T = 0 leaves every segment empty.
public enum PoolingSegments {
    /// The S + 1 bounds ⌊s·T/S⌋ for s = 0…S (the first 0, the last T). `segments` is at least 1;
    /// `steps` is a feature count, far below where s·T could overflow.
    public static func bounds(steps: Int, segments: Int) -> [Int] {
        let s = max(1, segments), t = max(0, steps)
        return (0...s).map { $0 * t / s }
    }

    /// The segment of each step (`steps` entries), from `bounds(steps:segments:)`.
    public static func segmentOfStep(steps: Int, segments: Int) -> [Int] {
        let b = bounds(steps: steps, segments: segments)
        var result = [Int](repeating: 0, count: max(0, steps))
        var segment = 0
        for t in result.indices {
            while t >= b[segment + 1] { segment += 1 }  // skips empty segments; b[S] = T > t ends it
            result[t] = segment
        }
        return result
    }
}

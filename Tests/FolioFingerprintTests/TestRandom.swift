/// SplitMix64: a seeded generator so test inputs are the same on every run.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int16(_ range: ClosedRange<Int16>) -> Int16 { Int16.random(in: range, using: &self) }

    /// Encoder weights with every value drawn from ±`scale` (Q12).
    mutating func weights(hidden: Int, scale: Int16) throws -> EncoderWeightsParts {
        let counts = [4 * hidden * 16, 4 * hidden * hidden, 4 * hidden, 256 * hidden, 256]
        return counts.map { (0..<$0).map { _ in int16(-scale...scale) } }
    }
}

typealias EncoderWeightsParts = [[Int16]]

/// Integer-exact inference: the LSTM runs over the feature steps in Q12 with `Int64`
/// accumulators (products of two Q12 values are Q24; a sum of 48 of them can pass 2^31, so
/// 32-bit accumulators could overflow), sigmoid and tanh come from `ActivationTables`, the
/// hidden states are averaged with one rounded division, and the projection's signs are the bits.
/// Every shift is an arithmetic floor shift; no floating point is used.
struct LSTMEncoder: Sendable {
    let weights: EncoderWeights

    /// The 256 projection values (Q24) before taking signs.
    func projections(_ features: FeatureSequence) -> [Int64] {
        let n = weights.hiddenSize, m = weights.inputSize
        let wx = weights.inputWeights.map(Int64.init), wh = weights.recurrentWeights.map(Int64.init)
        let bias = weights.gateBias.map { Int64($0) << 12 }
        var h = [Int64](repeating: 0, count: n)
        var c = [Int64](repeating: 0, count: n)
        var z = [Int64](repeating: 0, count: 4 * n)
        var sum = [Int64](repeating: 0, count: n)
        let x = features.values.map(Int64.init)
        for t in 0..<features.count {
            let base = t * m
            for row in 0..<4 * n {
                var acc = bias[row]
                let wxRow = row * m, whRow = row * n
                for j in 0..<m { acc += wx[wxRow + j] * x[base + j] }
                for j in 0..<n { acc += wh[whRow + j] * h[j] }
                z[row] = acc >> 12
            }
            for k in 0..<n {
                let i = Int64(ActivationTables.sigmoid[ActivationTables.index(z[k])])
                let f = Int64(ActivationTables.sigmoid[ActivationTables.index(z[n + k])])
                let g = Int64(ActivationTables.tanh[ActivationTables.index(z[2 * n + k])])
                let o = Int64(ActivationTables.sigmoid[ActivationTables.index(z[3 * n + k])])
                // |c| stays below 2^20 (256.0) so it can never overflow however long the input.
                c[k] = max(-(1 << 20), min(1 << 20, (f * c[k] + i * g) >> 12))
                h[k] = (o * Int64(ActivationTables.tanh[ActivationTables.index(c[k])])) >> 12
                sum[k] += h[k]
            }
        }
        let steps = Int64(max(1, features.count))
        let pooled = sum.map { FixedMath.roundedDivide($0, steps) }
        return (0..<EncoderWeights.codeBits).map { bit in
            var acc = Int64(weights.projectionBias[bit]) << 12
            for k in 0..<n { acc += Int64(weights.projection[bit * n + k]) * pooled[k] }
            return acc
        }
    }

    /// The 32 code bytes: bit b is set when projection b is positive; bit b is bit b % 8 of
    /// byte b / 8 (FolioCore's `Fingerprint` layout).
    func code(_ features: FeatureSequence) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: EncoderWeights.codeBits / 8)
        for (bit, value) in projections(features).enumerated() where value > 0 {
            bytes[bit / 8] |= 1 << UInt8(bit % 8)
        }
        return bytes
    }
}

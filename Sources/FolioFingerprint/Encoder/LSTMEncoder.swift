/// Integer-exact inference: the LSTM runs over the feature steps in Q12 with `Int64`
/// accumulators (products of two Q12 values are Q24; a sum of 48 of them can pass 2^31, so
/// 32-bit accumulators could overflow), sigmoid and tanh come from `ActivationTables`, the
/// hidden states are averaged per pooling segment with one rounded division each
/// (`PoolingSegments`; one segment is the mean over all steps), with `poolsInputs` the input
/// steps are averaged per segment the same way, and the signs of the projection of those
/// means, side by side, are the bits.
/// Every shift is an arithmetic floor shift; no floating point is used.
struct LSTMEncoder: Sendable {
    let weights: EncoderWeights
    /// Gate row r as its `inputSize` input weights followed by its `hiddenSize` recurrent
    /// weights, widened once, so a gate is one dot product with [x_t, h].
    private let gateRows: [Int64]
    /// Gate biases in Q24.
    private let bias: [Int64]

    init(weights: EncoderWeights) {
        self.weights = weights
        let n = weights.hiddenSize, m = weights.inputSize
        var rows = [Int64](repeating: 0, count: 4 * n * (m + n))
        for row in 0..<4 * n {
            for j in 0..<m { rows[row * (m + n) + j] = Int64(weights.inputWeights[row * m + j]) }
            for j in 0..<n { rows[row * (m + n) + m + j] = Int64(weights.recurrentWeights[row * n + j]) }
        }
        gateRows = rows
        bias = weights.gateBias.map { Int64($0) << 12 }
    }

    /// The 256 projection values (Q24) before taking signs.
    ///
    /// Overflow: weights and inputs are Int16 and |h| ≤ 4,096 (a Q12 sigmoid times a Q12 tanh,
    /// shifted back), so each product is at most 2^30 and a gate sums at most 16 + 256 of them
    /// plus a 2^27 bias: below 2^39, so the `&+`/`&*` accumulations cannot wrap. The cell
    /// update f·c + i·g is below 2^12·2^20 + 2^24, the hidden sum below 2^12 per step times at
    /// most 2^31 steps. A hidden mean is at most 2^12 and an input mean at most 2^15 (feature
    /// values are Int16; their sums over at most 2^31 steps stay below 2^46), so a projection
    /// sums at most 16·(256 + 16) < 2^13 products below 2^30 plus a 2^27 bias: below 2^44.
    func projections(_ features: FeatureSequence) -> [Int64] {
        let n = weights.hiddenSize, m = weights.inputSize, width = m + n
        let steps = features.count, segments = weights.segments
        let bounds = PoolingSegments.bounds(steps: steps, segments: segments)
        let segmentOfStep = PoolingSegments.segmentOfStep(steps: steps, segments: segments)
        var sum = [Int64](repeating: 0, count: segments * n)
        // Each segment's input sum, when the model pools inputs (empty otherwise).
        var inputSum = [Int64](repeating: 0, count: weights.poolsInputs ? segments * m : 0)
        let state = UnsafeMutablePointer<Int64>.allocate(capacity: width)  // [x_t, h]
        let c = UnsafeMutablePointer<Int64>.allocate(capacity: n)
        let z = UnsafeMutablePointer<Int64>.allocate(capacity: 4 * n)
        defer {
            state.deallocate()
            c.deallocate()
            z.deallocate()
        }
        state.initialize(repeating: 0, count: width)
        c.initialize(repeating: 0, count: n)
        let h = state + m
        ActivationTables.sigmoid.withUnsafeBufferPointer { sigmoid in
            ActivationTables.tanh.withUnsafeBufferPointer { tanh in
                gateRows.withUnsafeBufferPointer { rows in
                    bias.withUnsafeBufferPointer { bias in
                        features.values.withUnsafeBufferPointer { x in
                            sum.withUnsafeMutableBufferPointer { sum in
                                for t in 0..<steps {
                                    let pool = segmentOfStep[t] * n
                                    for j in 0..<m { state[j] = Int64(x[t * m + j]) }
                                    if !inputSum.isEmpty { for j in 0..<m { inputSum[segmentOfStep[t] * m + j] &+= state[j] } }
                                    for row in 0..<4 * n {
                                        let w = rows.baseAddress.unsafelyUnwrapped + row * width
                                        var acc = bias[row]
                                        for j in 0..<width { acc &+= w[j] &* state[j] }
                                        z[row] = acc >> 12
                                    }
                                    for k in 0..<n {
                                        let i = Int64(sigmoid[ActivationTables.index(z[k])])
                                        let f = Int64(sigmoid[ActivationTables.index(z[n + k])])
                                        let g = Int64(tanh[ActivationTables.index(z[2 * n + k])])
                                        let o = Int64(sigmoid[ActivationTables.index(z[3 * n + k])])
                                        // |c| stays below 2^20 (256.0) so it can never overflow however long the input.
                                        c[k] = max(-(1 << 20), min(1 << 20, (f &* c[k] &+ i &* g) >> 12))
                                        h[k] = (o &* Int64(tanh[ActivationTables.index(c[k])])) >> 12
                                        sum[pool + k] &+= h[k]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // An empty segment (fewer steps than segments) keeps its zero sum and is never divided.
        var pooled = sum + inputSum
        let inputs = segments * n
        for segment in 0..<segments where bounds[segment + 1] > bounds[segment] {
            let count = Int64(bounds[segment + 1] - bounds[segment])
            for k in 0..<n { pooled[segment * n + k] = FixedMath.roundedDivide(sum[segment * n + k], count) }
            for j in 0..<inputSum.count / segments {
                pooled[inputs + segment * m + j] = FixedMath.roundedDivide(inputSum[segment * m + j], count)
            }
        }
        let pooledWidth = weights.pooledWidth
        return (0..<EncoderWeights.codeBits).map { bit in
            var acc = Int64(weights.projectionBias[bit]) << 12
            for k in 0..<pooledWidth { acc += Int64(weights.projection[bit * pooledWidth + k]) * pooled[k] }
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

import ArgumentParser
import FolioFingerprint
import Foundation

/// Where the 256 SimHash hyperplanes pass. A bit is worth something only if it splits works
/// about evenly; a hyperplane that misses the cloud of pooled states gives every work the same
/// bit. Putting each hyperplane through the median of its projections over a set of calibration
/// works makes every bit split that set exactly in half.
enum Calibration {
    /// The stream calibration works are drawn from: neither the training stream (`seed`) nor
    /// the held-out evaluation stream, and a different one per medium.
    static func random(seed: UInt64, medium: Medium) -> SeededRandom {
        SeededRandom(seed: seed ^ 0xCA1B_2A7E_0000 ^ UInt64(medium.rawValue))
    }

    /// Pooled states of `count` fresh originals from `synth` under `lstm`.
    static func pooledStates<S: WorkSynthesiser>(_ synth: S, lstm: FloatLSTM, count: Int, seed: UInt64) -> [[Double]] {
        var random = Self.random(seed: seed, medium: synth.medium)
        return (0..<count).map { _ in lstm.forward(synth.features(synth.original(synth.makeWork(&random)))).pooled }
    }

    /// Bias b = −median over `pooled` of (row b of `projection`) · state, so projection b is
    /// positive for half of the states. `width` is the pooled state's size (the row length).
    static func medianBiases(projection: [Double], width n: Int, pooled: [[Double]]) -> [Double] {
        (0..<projection.count / n).map { b in
            let values = pooled.map { state in (0..<n).reduce(0.0) { $0 + projection[b * n + $1] * state[$1] } }.sorted()
            guard !values.isEmpty else { return 0 }
            let middle = values.count / 2
            return -(values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2)
        }
    }

    /// `base` with its projection biases re-centred on `count` calibration works: the LSTM and
    /// the hyperplanes' directions stay as they are.
    /// With `whitened`, new hyperplane directions are drawn (`Whitening`, with `extraKinds`) with
    /// a stream from `seed`.
    /// The pooled states come from the medium's newest features, so the result is marked with
    /// that revision (re-centring an older encoder moves it onto the newest features).
    /// With `poolingSegments` (the file's byte: 0 or 1 for one mean, 2…16 segments), the
    /// hyperplanes are drawn for that pooling instead of `base`'s, which needs `whitened`: the
    /// old directions do not fit a pooled state of another size. `poolsInputs` likewise turns
    /// input pooling on or off instead of keeping `base`'s. `coefficientBits` of the drawn
    /// hyperplanes are replaced by single pooled input values (`CoefficientBits`).
    static func recentred<S: WorkSynthesiser>(_ base: EncoderWeights, synth: S, count: Int, seed: UInt64,
                                              whitened: Bool = false, ridge: Double = 0.05, extraKinds: [String] = [],
                                              poolingSegments: UInt8? = nil, poolsInputs: Bool? = nil,
                                              coefficientBits: Int = 0) throws -> EncoderWeights {
        let segmentsByte = poolingSegments ?? base.poolingSegments
        var lstm = FloatLSTM(weights: base)
        lstm.segments = max(1, Int(segmentsByte))
        lstm.poolsInputs = poolsInputs ?? base.poolsInputs
        var projection = base.projection.map { Double($0) / 4096 }
        let bias: [Double]
        if whitened {
            var random = SeededRandom(seed: seed)
            (projection, bias) = Whitening.projection(synth, lstm: lstm, count: count, seed: seed, ridge: ridge,
                                                      extraKinds: extraKinds, coefficientBits: coefficientBits, random: &random)
        } else {
            guard lstm.segments == base.segments, lstm.poolsInputs == base.poolsInputs else {
                throw ValidationError("re-centring keeps the hyperplanes, so it cannot change the pooling segments or input pooling; use --whitened")
            }
            bias = medianBiases(projection: projection, width: lstm.pooledSize, pooled: pooledStates(synth, lstm: lstm, count: count, seed: seed))
        }
        return try EncoderWeights(inputSize: base.inputSize, hiddenSize: base.hiddenSize, inputWeights: base.inputWeights,
                                  recurrentWeights: base.recurrentWeights, gateBias: base.gateBias,
                                  projection: projection.map(quantised), projectionBias: bias.map(quantised),
                                  featureRevision: Features.latestRevision(synth.medium), poolingSegments: segmentsByte,
                                  poolsInputs: lstm.poolsInputs)
    }

    /// Q12, rounded, held inside Int16.
    static func quantised(_ v: Double) -> Int16 { Int16(max(-32767, min(32767, (v * 4096).rounded()))) }
}

extension FloatLSTM {
    /// The float LSTM of a quantised encoder (weights ÷ 4,096), for computing pooled states.
    init(weights: EncoderWeights) {
        self.init(input: weights.inputSize, hidden: weights.hiddenSize,
                  parameters: (weights.inputWeights + weights.recurrentWeights + weights.gateBias).map { Double($0) / 4096 },
                  segments: weights.segments, poolsInputs: weights.poolsInputs)
    }
}

import FolioFingerprint
import Foundation

/// Trains one medium's encoder against the perturbation generator, GAN-style: each step the
/// encoder minimises NT-Xent between works and their transformed (and half the time also
/// adversarially perturbed) copies, then the generator takes a step to lower the similarity of
/// perturbed copies to their originals.
struct Trainer<Synth: WorkSynthesiser> {
    let synth: Synth
    var random: SeededRandom
    var lstm: FloatLSTM
    var generator: PerturbationGenerator
    /// Running mean of pooled states; codes are signs of projections of the centred state.
    var mean: [Double]
    let temperature = 0.1
    var pool: [(work: Synth.Work, features: [Double])] = []

    /// The model file's pooling-segments byte the encoder is trained and exported with.
    let poolingSegments: UInt8

    init(synth: Synth, hidden: Int, random: inout SeededRandom, poolSize: Int, poolingSegments: UInt8 = 0,
         poolsInputs: Bool = false) {
        self.synth = synth
        self.random = random.split()
        self.poolingSegments = poolingSegments
        lstm = FloatLSTM(input: FeatureSequence.width, hidden: hidden, random: &random)
        lstm.segments = max(1, Int(poolingSegments))
        lstm.poolsInputs = poolsInputs
        generator = PerturbationGenerator(width: FeatureSequence.width, bound: 0.15, random: &random)
        mean = [Double](repeating: 0, count: lstm.pooledSize)
        for _ in 0..<poolSize {
            let work = synth.makeWork(&random)
            pool.append((work, synth.features(synth.original(work))))
        }
    }

    func centred(_ pooled: [Double]) -> [Double] { zip(pooled, mean).map { $0 - $1 } }

    mutating func train(steps: Int, batch: Int, log: (String) -> Void) {
        var encoderAdam = Adam(count: lstm.parameters.count, rate: 0.003)
        var generatorAdam = Adam(count: generator.parameters.count, rate: 0.003)
        for step in 0..<steps {
            let chosen = (0..<batch).map { _ in pool[random.int(0..<pool.count)] }
            var positives = chosen.map { synth.features(synth.transformed($0.work, kind: nil, &random)) }
            let attacked = (0..<batch).map { _ in random.chance(0.5) }
            for i in 0..<batch where attacked[i] {
                positives[i] = zip(positives[i], generator.perturbation(positives[i])).map { $0 + $1 }
            }
            // Encoder step.
            let anchorTraces = chosen.map { lstm.forward($0.features) }
            let positiveTraces = positives.map { lstm.forward($0) }
            for k in mean.indices {
                let batchMean = anchorTraces.reduce(0) { $0 + $1.pooled[k] } / Double(batch)
                mean[k] = step == 0 ? batchMean : 0.95 * mean[k] + 0.05 * batchMean
            }
            let result = Contrastive.ntXent(anchors: anchorTraces.map { centred($0.pooled) },
                                            positives: positiveTraces.map { centred($0.pooled) }, temperature: temperature)
            var grad = [Double](repeating: 0, count: lstm.parameters.count)
            for i in 0..<batch {
                _ = lstm.backward(anchorTraces[i], dPooled: result.dAnchors[i], grad: &grad)
                _ = lstm.backward(positiveTraces[i], dPooled: result.dPositives[i], grad: &grad)
            }
            encoderAdam.step(&lstm.parameters, grad, clamp: 7.5)
            // Generator step: lower cos(original, perturbed copy).
            var generatorGrad = [Double](repeating: 0, count: generator.parameters.count)
            var similarity = 0.0
            for i in 0..<batch where attacked[i] {
                let clean = synth.features(synth.transformed(chosen[i].work, kind: nil, &random))
                let delta = generator.perturbation(clean)
                let trace = lstm.forward(zip(clean, delta).map { $0 + $1 })
                let u = Contrastive.normalise(centred(lstm.forward(chosen[i].features).pooled)).unit
                let v = Contrastive.normalise(centred(trace.pooled))
                similarity += zip(u, v.unit).reduce(0) { $0 + $1.0 * $1.1 }
                let dv = Contrastive.normaliseBackward(unit: v.unit, norm: v.norm, dUnit: u.map { $0 / Double(batch) })
                var unused = [Double](repeating: 0, count: lstm.parameters.count)
                let dx = lstm.backward(trace, dPooled: dv, grad: &unused)
                generator.backward(clean, delta: delta, dDelta: dx, grad: &generatorGrad)
            }
            generatorAdam.step(&generator.parameters, generatorGrad, clamp: 10)
            if step % 25 == 0 || step == steps - 1 {
                let attackedCount = max(1, attacked.filter { $0 }.count)
                log(String(format: "%@ step %4d  contrastive loss %.4f  perturbed-copy similarity %.3f",
                           "\(synth.medium)", step, result.loss, similarity / Double(attackedCount)))
            }
        }
    }

    /// Quantised weights: the LSTM in Q12, then 256 random Gaussian hyperplanes (SimHash of the
    /// pooled state). With `whitened`, the normals are drawn in the space that whitens what
    /// transforms do to `calibrationWorks` fresh works (`Whitening`); otherwise they are plain
    /// Gaussian. Each hyperplane goes through the median projection of the calibration works
    /// (`Calibration`), or with none through the running mean of the training anchors' pooled
    /// states (how the first shipped model was made).
    mutating func export(calibrationWorks: Int = 0, calibrationSeed: UInt64 = 0, whitened: Bool = false,
                         ridge: Double = 0.05, extraKinds: [String] = []) throws -> EncoderWeights {
        let n = lstm.hidden, width = lstm.pooledSize
        let q = Calibration.quantised
        let p = lstm.parameters
        var projection = (0..<256 * width).map { _ in max(-4, min(4, random.gaussian())) }
        var bias: [Double]
        if whitened {
            // The hyperplanes' own stream, as `--recalibrate --whitened` draws them, so that
            // re-centring the exported file gives this same file.
            var rows = SeededRandom(seed: calibrationSeed)
            let exported = FloatLSTM(input: lstm.input, hidden: n, parameters: p.map { Double(q($0)) / 4096 }, segments: lstm.segments,
                                     poolsInputs: lstm.poolsInputs)
            (projection, bias) = Whitening.projection(synth, lstm: exported, count: calibrationWorks, seed: calibrationSeed,
                                                      ridge: ridge, extraKinds: extraKinds, random: &rows)
        } else if calibrationWorks > 0 {
            // The median is taken of what inference will compute: the quantised weights.
            let exported = FloatLSTM(input: lstm.input, hidden: n, parameters: p.map { Double(q($0)) / 4096 }, segments: lstm.segments,
                                     poolsInputs: lstm.poolsInputs)
            let pooled = Calibration.pooledStates(synth, lstm: exported, count: calibrationWorks, seed: calibrationSeed)
            bias = Calibration.medianBiases(projection: projection.map { Double(q($0)) / 4096 }, width: width, pooled: pooled)
        } else {
            bias = (0..<256).map { b in -(0..<width).reduce(0.0) { $0 + projection[b * width + $1] * mean[$1] } }
        }
        return try EncoderWeights(inputSize: lstm.input, hiddenSize: n, inputWeights: p[0..<lstm.wxCount].map(q),
                                  recurrentWeights: p[lstm.wxCount..<lstm.wxCount + lstm.whCount].map(q),
                                  gateBias: p[(lstm.wxCount + lstm.whCount)...].map(q),
                                  projection: projection.map(q), projectionBias: bias.map(q),
                                  featureRevision: Features.latestRevision(synth.medium), poolingSegments: poolingSegments,
                                  poolsInputs: lstm.poolsInputs)
    }
}

/// Audio → feature sequence: mono, 8 kHz by exact area resampling, 256-sample Hann frames every
/// 128 samples, power in 16 log-spaced bands from 62 Hz to 4 kHz summed over the 7 frames of
/// each 1,024-sample step (128 ms), log2 in Q8, minus the clip's mean so gain does not matter.
enum AudioFeatures {
    static let rate = 8000
    static let frameSize = 256
    static let hop = 128
    static let stepSize = 1024
    /// FFT bin edges (31.25 Hz per bin): 17 edges, 16 bands, each about 1.28× the one below.
    static let bandEdges = [2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38, 48, 61, 78, 100, 128]

    /// 16 octaves of power (48 dB) in Q8 log2 units.
    static let dynamicRange = 16 << 8

    static let fft = FixedFFT(size: frameSize)
    /// Hann window in Q15: (1 − cos(2πn/N)) / 2.
    static let window: [Int64] = (0..<frameSize).map { ((1 << 30) - FixedMath.cosQ30($0, frameSize)) >> 16 }

    static func extract(_ audio: PCMAudio) -> FeatureSequence {
        let mono = resampledMono(audio)
        let steps = max(1, mono.count / stepSize)
        var logs = [Int](repeating: 0, count: steps * FeatureSequence.width)
        var re = [Int64](repeating: 0, count: frameSize)
        var im = [Int64](repeating: 0, count: frameSize)
        var power = [UInt64](repeating: 0, count: FeatureSequence.width)
        for t in 0..<steps {
            for b in power.indices { power[b] = 0 }
            for start in stride(from: t * stepSize, through: t * stepSize + stepSize - frameSize, by: hop) {
                for n in 0..<frameSize {
                    re[n] = ((start + n < mono.count ? Int64(mono[start + n]) : 0) * window[n]) >> 15
                    im[n] = 0
                }
                fft.transform(re: &re, im: &im)
                for b in 0..<FeatureSequence.width {
                    for k in bandEdges[b]..<bandEdges[b + 1] {
                        power[b] &+= UInt64(re[k] * re[k] + im[k] * im[k]) >> 8
                    }
                }
            }
            for b in 0..<FeatureSequence.width { logs[t * FeatureSequence.width + b] = FixedMath.log2Q8(power[b]) }
        }
        // Bands more than `dynamicRange` below the clip's loudest are held at that floor, so
        // rounding noise in near-silent bands, which does not scale with gain, never shows.
        let floor = (logs.max() ?? 0) - dynamicRange
        for i in logs.indices where logs[i] < floor { logs[i] = floor }
        // Gain g scales every power by g², adding the same 2·log2(g) to every log: the mean removes it.
        let total = logs.reduce(0, +)
        let mean = FixedMath.roundedDivide(Int64(total), Int64(logs.count))
        // Q8 log2 → Q12 feature at a quarter scale: one feature unit is 4 octaves of power (12 dB).
        return FeatureSequence(values: logs.map { FixedMath.clampInt16((Int64($0) - mean) << 2) })
    }

    /// Mixes to mono (floor of the mean of the channels) and area-resamples to 8 kHz, rounding.
    static func resampledMono(_ audio: PCMAudio) -> [Int16] {
        let frames = audio.frameCount
        let channels = audio.channels
        let samples = audio.samples
        let outCount = max(1, Int((Int64(frames) * Int64(rate)) / Int64(audio.sampleRate)))
        let sums = AreaResampler.areaSums(count: frames, outCount: outCount) { i in
            channels == 1 ? Int64(samples[i]) : (Int64(samples[2 * i]) + Int64(samples[2 * i + 1])) >> 1
        }
        return sums.map { FixedMath.clampInt16(FixedMath.roundedDivide($0, Int64(frames))) }
    }
}

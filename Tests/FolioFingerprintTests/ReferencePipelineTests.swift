import FolioCore
import Testing
@testable import FolioFingerprint

/// The audio path and the LSTM as they were first written: plain array loops, no unsafe
/// pointers, no shortcuts. Frozen here (copied from the library at commit cf709f5) so the
/// optimised library code can be checked bit for bit against them on many random inputs, beyond
/// the one audio golden vector. Never "fix" this file to match the library: a difference is a
/// bug in the library.
enum Reference {
    static func areaSums(count n: Int, outCount m: Int, value: (Int) -> Int64) -> [Int64] {
        var out = [Int64](repeating: 0, count: m)
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

    static func resampledMono(_ audio: PCMAudio) -> [Int16] {
        let frames = audio.frameCount
        let channels = audio.channels
        let samples = audio.samples
        let outCount = max(1, Int((Int64(frames) * Int64(8000)) / Int64(audio.sampleRate)))
        let sums = areaSums(count: frames, outCount: outCount) { i in
            channels == 1 ? Int64(samples[i]) : (Int64(samples[2 * i]) + Int64(samples[2 * i + 1])) >> 1
        }
        return sums.map { FixedMath.clampInt16(FixedMath.roundedDivide($0, Int64(frames))) }
    }

    struct FFT {
        let size: Int
        let cosTable: [Int64]
        let sinTable: [Int64]
        let bitReversed: [Int]

        init(size: Int) {
            self.size = size
            cosTable = (0..<size / 2).map { FixedMath.cosQ30($0, size) }
            sinTable = (0..<size / 2).map { FixedMath.sinQ30($0, size) }
            let bits = size.trailingZeroBitCount
            bitReversed = (0..<size).map { i in
                var r = 0
                for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
                return r
            }
        }

        func transform(re: inout [Int64], im: inout [Int64]) {
            for i in 0..<size where bitReversed[i] > i {
                re.swapAt(i, bitReversed[i])
                im.swapAt(i, bitReversed[i])
            }
            var half = 1
            while half < size {
                let stride = size / (2 * half)
                var start = 0
                while start < size {
                    for k in 0..<half {
                        let wr = cosTable[k * stride], wi = -sinTable[k * stride]
                        let a = start + k, b = a + half
                        let tr = (re[b] * wr - im[b] * wi) >> 30
                        let ti = (re[b] * wi + im[b] * wr) >> 30
                        re[b] = re[a] - tr
                        im[b] = im[a] - ti
                        re[a] += tr
                        im[a] += ti
                    }
                    start += 2 * half
                }
                half *= 2
            }
        }
    }

    static let fft = FFT(size: 256)
    static let window: [Int64] = (0..<256).map { ((1 << 30) - FixedMath.cosQ30($0, 256)) >> 16 }
    static let bandEdges = [2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38, 48, 61, 78, 100, 128]

    static func audioFeatures(_ audio: PCMAudio) -> [Int16] {
        let mono = resampledMono(audio)
        let steps = max(1, mono.count / 1024)
        var logs = [Int](repeating: 0, count: steps * 16)
        var re = [Int64](repeating: 0, count: 256)
        var im = [Int64](repeating: 0, count: 256)
        var power = [UInt64](repeating: 0, count: 16)
        for t in 0..<steps {
            for b in power.indices { power[b] = 0 }
            for start in stride(from: t * 1024, through: t * 1024 + 1024 - 256, by: 128) {
                for n in 0..<256 {
                    re[n] = ((start + n < mono.count ? Int64(mono[start + n]) : 0) * window[n]) >> 15
                    im[n] = 0
                }
                fft.transform(re: &re, im: &im)
                for b in 0..<16 {
                    for k in bandEdges[b]..<bandEdges[b + 1] {
                        power[b] &+= UInt64(re[k] * re[k] + im[k] * im[k]) >> 8
                    }
                }
            }
            for b in 0..<16 { logs[t * 16 + b] = FixedMath.log2Q8(power[b]) }
        }
        let floor = (logs.max() ?? 0) - (16 << 8)
        for i in logs.indices where logs[i] < floor { logs[i] = floor }
        let total = logs.reduce(0, +)
        let mean = FixedMath.roundedDivide(Int64(total), Int64(logs.count))
        return logs.map { FixedMath.clampInt16((Int64($0) - mean) << 2) }
    }

    static func projections(_ weights: EncoderWeights, _ features: [Int16]) -> [Int64] {
        let n = weights.hiddenSize, m = weights.inputSize
        let wx = weights.inputWeights.map(Int64.init), wh = weights.recurrentWeights.map(Int64.init)
        let bias = weights.gateBias.map { Int64($0) << 12 }
        var h = [Int64](repeating: 0, count: n)
        var c = [Int64](repeating: 0, count: n)
        var z = [Int64](repeating: 0, count: 4 * n)
        var hiddens: [[Int64]] = []
        let x = features.map(Int64.init)
        let count = features.count / 16
        for t in 0..<count {
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
                c[k] = max(-(1 << 20), min(1 << 20, (f * c[k] + i * g) >> 12))
                h[k] = (o * Int64(ActivationTables.tanh[ActivationTables.index(c[k])])) >> 12
            }
            hiddens.append(h)
        }
        // Segment s is steps s·T/S ..< (s+1)·T/S (integer division); an empty one stays zero.
        // With input pooling, each segment's mean input step follows all the hidden means.
        let segments = max(1, Int(weights.poolingSegments))
        var pooled: [Int64] = [], inputMeans: [Int64] = []
        for s in 0..<segments {
            let first = s * count / segments, end = (s + 1) * count / segments
            var sum = [Int64](repeating: 0, count: n), inputSum = [Int64](repeating: 0, count: m)
            for t in first..<end {
                for k in 0..<n { sum[k] += hiddens[t][k] }
                for j in 0..<m { inputSum[j] += x[t * m + j] }
            }
            pooled += end > first ? sum.map { FixedMath.roundedDivide($0, Int64(end - first)) } : sum
            inputMeans += end > first ? inputSum.map { FixedMath.roundedDivide($0, Int64(end - first)) } : inputSum
        }
        if weights.poolsInputs { pooled += inputMeans }
        let width = pooled.count
        return (0..<256).map { bit in
            var acc = Int64(weights.projectionBias[bit]) << 12
            for k in 0..<width { acc += Int64(weights.projection[bit * width + k]) * pooled[k] }
            return acc
        }
    }

    static func sample(_ data: [UInt8], at i: Int, width: Int, isFloat: Bool) -> Int16 {
        switch width {
        case 1: return Int16(Int(data[i]) - 128) << 8
        case 2: return Int16(bitPattern: UInt16(data[i]) | UInt16(data[i + 1]) << 8)
        case 3: return Int16(bitPattern: UInt16(data[i + 1]) | UInt16(data[i + 2]) << 8)
        default:
            let bits = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            return isFloat ? WAVReader.floatBitsToInt16(bits) : Int16(bitPattern: UInt16(bits >> 16))
        }
    }
}

/// Random sound: stretches of full-scale noise, quiet noise, silence, tones and square waves,
/// so clipping, near-silent bands and every FFT path are exercised.
func randomSound(_ rng: inout TestRandom, count: Int) -> [Int16] {
    var out: [Int16] = []
    out.reserveCapacity(count)
    while out.count < count {
        let length = min(count - out.count, Int.random(in: 1...6000, using: &rng))
        let kind = Int.random(in: 0..<6, using: &rng)
        let amplitude = Int64.random(in: 1...32767, using: &rng)
        let bin = Int.random(in: 1...255, using: &rng)
        for n in 0..<length {
            switch kind {
            case 0: out.append(Int16.random(in: .min ... .max, using: &rng))
            case 1: out.append(Int16.random(in: -3...3, using: &rng))
            case 2: out.append(0)
            case 3: out.append(Int16((FixedMath.sinQ30(bin * n, 256) * amplitude) >> 30))
            case 4: out.append((n / max(1, bin / 8)) % 2 == 0 ? .max : .min)
            default: out.append(Int16((FixedMath.sinQ30(bin * n, 256) * amplitude) >> 30) &+ Int16.random(in: -500...500, using: &rng))
            }
        }
    }
    return out
}

@Suite struct ReferencePipelineTests {
    static let rates = [8000, 44100, 48000, 16000, 22050, 11025, 96000, 32000, 7999, 5512, 1000, 768_000, 8001]

    @Test(arguments: 0..<26)
    func audioFeaturesEqualTheReferenceBitForBit(seed: Int) {
        var rng = TestRandom(seed: UInt64(1000 + seed))
        let rate = Self.rates[seed % Self.rates.count]
        let channels = seed % 2 + 1
        // Lengths from a handful of frames to about 1.5 s, some shorter than one FFT frame.
        let frames = seed % 5 == 4 ? Int.random(in: 1...300, using: &rng) : Int.random(in: 1...(rate * 3 / 2), using: &rng)
        let audio = PCMAudio(sampleRate: rate, channels: channels, samples: randomSound(&rng, count: frames * channels))
        #expect(AudioFeatures.resampledMono(audio) == Reference.resampledMono(audio))
        #expect(AudioFeatures.extract(audio).values == Reference.audioFeatures(audio))
    }

    @Test func fftEqualsTheReferenceOnRandomInput() {
        var rng = TestRandom(seed: 77)
        let fft = FixedFFT(size: 256)
        for round in 0..<200 {
            // Windowed 16-bit samples are within ±2^15; imaginary parts random or all zero.
            var re = (0..<256).map { _ in Int64.random(in: -32768...32768, using: &rng) }
            var im = (0..<256).map { _ in round % 2 == 0 ? 0 : Int64.random(in: -32768...32768, using: &rng) }
            var re2 = re, im2 = im
            fft.transform(re: &re, im: &im)
            Reference.fft.transform(re: &re2, im: &im2)
            #expect(re == re2 && im == im2)
        }
    }

    @Test(arguments: [1, 3, 8, 32, 33, 64])
    func lstmProjectionsEqualTheReference(hidden: Int) throws {
        var rng = TestRandom(seed: UInt64(500 + hidden))
        for scale in [Int16(1200), 8000, .max] {
            let w = try makeWeights(try rng.weights(hidden: hidden, scale: scale), hidden: hidden)
            for steps in [1, 2, 17, 60] {
                let values = (0..<steps * 16).map { _ in
                    scale == .max ? Int16.random(in: .min ... .max, using: &rng) : rng.int16(-8000...8000)
                }
                #expect(LSTMEncoder(weights: w).projections(FeatureSequence(values: values))
                    == Reference.projections(w, values))
            }
        }
    }

    @Test(arguments: [2, 3, 4, 8, 16])
    func segmentPooledProjectionsEqualTheReference(segments: Int) throws {
        var rng = TestRandom(seed: UInt64(900 + segments))
        for (hidden, scale) in [(1, Int16.max), (5, 8000), (32, 1200)] {
            var parts = try rng.weights(hidden: hidden, scale: scale)
            parts[3] = (0..<256 * segments * hidden).map { _ in rng.int16(-scale...scale) }
            let w = try makeWeights(parts, hidden: hidden, poolingSegments: UInt8(segments))
            // Fewer steps than segments (empty segments), as many, and more, unevenly split.
            for steps in [0, 1, 2, segments - 1, segments, segments + 1, 17, 60] {
                let values = (0..<steps * 16).map { _ in rng.int16(-8000...8000) }
                #expect(LSTMEncoder(weights: w).projections(FeatureSequence(values: values))
                    == Reference.projections(w, values), "hidden \(hidden), \(steps) steps")
            }
        }
    }

    @Test(arguments: [1, 2, 8, 16])
    func inputPooledProjectionsEqualTheReference(segments: Int) throws {
        var rng = TestRandom(seed: UInt64(950 + segments))
        for (hidden, scale) in [(1, Int16.max), (5, 8000), (32, 1200)] {
            var parts = try rng.weights(hidden: hidden, scale: scale)
            parts[3] = (0..<256 * segments * (hidden + 16)).map { _ in rng.int16(-scale...scale) }
            let w = try makeWeights(parts, hidden: hidden, poolingSegments: UInt8(segments), poolsInputs: true)
            for steps in [0, 1, segments - 1, segments + 1, 17, 60] where steps >= 0 {
                // Full-range inputs too: an input mean can reach 2^15, unlike a hidden mean.
                let values = (0..<steps * 16).map { _ in
                    scale == .max ? Int16.random(in: .min ... .max, using: &rng) : rng.int16(-8000...8000)
                }
                #expect(LSTMEncoder(weights: w).projections(FeatureSequence(values: values))
                    == Reference.projections(w, values), "hidden \(hidden), \(steps) steps")
            }
        }
    }

    @Test func shippedEncodersEqualTheReference() throws {
        let model = try GoldenVectorTests.model()
        var rng = TestRandom(seed: 99)
        for medium in Medium.allCases {
            let encoder = try #require(model.encoders[medium])
            for steps in [1, 5, 200] {
                let values = (0..<steps * 16).map { _ in rng.int16(-12000...12000) }
                #expect(encoder.projections(FeatureSequence(values: values)) == Reference.projections(encoder.weights, values))
            }
        }
    }

    @Test(arguments: [(1, false), (2, false), (3, false), (4, false), (4, true)])
    func wavSamplesEqualTheReference(bytesPerSample: Int, isFloat: Bool) throws {
        var rng = TestRandom(seed: UInt64(bytesPerSample * 10 + (isFloat ? 1 : 0)))
        for channels in [1, 2] {
            let frames = Int.random(in: 1...5000, using: &rng)
            var data = (0..<frames * channels * bytesPerSample).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if isFloat {  // mostly ordinary floats in ±1.5, some arbitrary bit patterns
                for s in 0..<frames * channels where s % 7 != 0 {
                    let bits = Float.random(in: -1.5...1.5, using: &rng).bitPattern
                    for j in 0..<4 { data[4 * s + j] = UInt8(truncatingIfNeeded: bits >> UInt32(8 * j)) }
                }
            }
            let file = TestFiles.wav(TestFiles.chunk("fmt ", TestFiles.fmt(tag: isFloat ? 3 : 1, channels: channels,
                                                                              rate: 22050, bits: 8 * bytesPerSample))
                                     + TestFiles.chunk("data", data))
            let audio = try WAVReader.read(file)
            let expected = (0..<frames * channels).map {
                Reference.sample(data, at: $0 * bytesPerSample, width: bytesPerSample, isFloat: isFloat)
            }
            #expect(audio.samples == expected && audio.channels == channels && audio.sampleRate == 22050)
        }
    }

    @Test func wholeWAVsGiveTheReferenceCode() throws {
        let model = try GoldenVectorTests.model()
        let encoder = try #require(model.encoders[.audio])
        var rng = TestRandom(seed: 4242)
        for (rate, channels) in [(44100, 2), (8000, 1), (48000, 1), (11025, 2)] {
            let samples = randomSound(&rng, count: rate * 4 * channels)
            let bytes = TestFiles.wav16(samples, channels: channels, rate: rate)
            let features = Reference.audioFeatures(PCMAudio(sampleRate: rate, channels: channels, samples: samples))
            let projections = Reference.projections(encoder.weights, features)
            var code = [UInt8](repeating: 0, count: 32)
            for (bit, value) in projections.enumerated() where value > 0 { code[bit / 8] |= 1 << UInt8(bit % 8) }
            let identity = try Fingerprinter(model: model).identify(bytes, file: "r.wav")
            #expect(identity.fingerprint.bytes == code)
        }
    }

    /// Long enough (over 2 × `minimumStepsPerPart` steps) that feature steps are split across
    /// threads when there is more than one core, and large enough (over 1 MiB) that identify
    /// hashes on a second thread: the code and hash must be the single-threaded reference's.
    @Test func longClipsSplitAcrossThreadsGiveTheReferenceCodeAndHash() throws {
        let model = try GoldenVectorTests.model()
        let encoder = try #require(model.encoders[.audio])
        var rng = TestRandom(seed: 31337)
        let rate = 8000, seconds = 2 * AudioFeatures.minimumStepsPerPart * 1024 / 8000 + 3
        let samples = randomSound(&rng, count: rate * seconds * 2)
        let bytes = TestFiles.wav16(samples, channels: 2, rate: rate)
        #expect(bytes.count >= Fingerprinter.concurrentHashThreshold)
        let audio = PCMAudio(sampleRate: rate, channels: 2, samples: samples)
        let features = Reference.audioFeatures(audio)
        #expect(AudioFeatures.extract(audio).values == features)
        let projections = Reference.projections(encoder.weights, features)
        var code = [UInt8](repeating: 0, count: 32)
        for (bit, value) in projections.enumerated() where value > 0 { code[bit / 8] |= 1 << UInt8(bit % 8) }
        let identity = try Fingerprinter(model: model).identify(bytes, file: "long.wav")
        #expect(identity.fingerprint.bytes == code)
        #expect(identity.contentHash == SHA256.hash(bytes))
        #expect(identity.medium == .audio && identity.modelID == model.id)
        // Read in place (as a mapped file is), the same identity, hash included.
        #expect(try identifyInPlace(Fingerprinter(model: model), bytes, file: "long.wav").get() == identity)
    }

    /// Downsampling split into ranges of outputs (as the threaded path splits long clips) must
    /// give the reference's numbers for every split point.
    @Test(arguments: [44100, 48000, 22050, 11025, 96000, 8001, 8000, 768_000])
    func downsamplingInAnyPartsEqualsTheReference(rate: Int) {
        var rng = TestRandom(seed: UInt64(rate))
        for round in 0..<6 {
            let frames = Int.random(in: rate / 100 + 1...rate / 4 + 2, using: &rng)
            let samples = randomSound(&rng, count: frames)
            let expected = Reference.resampledMono(PCMAudio(sampleRate: rate, channels: 1, samples: samples))
            let m = expected.count
            guard m <= frames else { continue }
            let cuts = ([0, m] + (0..<round).map { _ in Int.random(in: 0...m, using: &rng) }).sorted()
            let got = samples.withUnsafeBufferPointer { x in
                [Int16](unsafeUninitializedCapacity: m) { out, initialized in
                    for (lo, hi) in zip(cuts, cuts.dropFirst()) {
                        AudioFeatures.downsample(frames: frames, outCount: m, outputs: lo..<hi,
                                                 divisor: Divisor(Int64(frames)), into: out) { Int64(x[$0]) }
                    }
                    initialized = m
                }
            }
            #expect(got == expected, "rate \(rate) frames \(frames) cuts \(cuts)")
        }
    }

    @Test func reciprocalDivisionIsExact() {
        var rng = TestRandom(seed: 8)
        for d in [Int64(1), 2, 3, 7, 1000, 44100, 7_938_000, 600_000_000, Int64(1) << 40, Int64.max / 3] {
            let divisor = Divisor(d)
            for _ in 0..<2000 {
                let x = Int64.random(in: -(Int64(1) << 61)...(Int64(1) << 61), using: &rng) >> Int64.random(in: 0...60, using: &rng)
                #expect(divisor.roundedQuotient(x) == FixedMath.roundedDivide(x, d), "\(x) / \(d)")
            }
            for x in [Int64(0), d / 2, d / 2 + 1, d - 1, d, -d / 2, -(d / 2) - 1, -d] {
                #expect(divisor.roundedQuotient(x) == FixedMath.roundedDivide(x, d), "\(x) / \(d)")
            }
        }
    }

    /// `identify` reads WAV data straight from the file for 16-bit PCM and decodes other
    /// formats first; every format, rate and layout must give the code of the reference pipeline.
    @Test(arguments: [(1, false, 22050, 2), (3, false, 44100, 1), (4, false, 48000, 2), (4, true, 32000, 1),
                      (2, false, 5512, 2), (2, false, 8000, 2), (2, false, 96000, 1), (2, false, 8001, 1)])
    func everyWAVFormatGivesTheReferenceCode(bytesPerSample: Int, isFloat: Bool, rate: Int, channels: Int) throws {
        let model = try GoldenVectorTests.model()
        let encoder = try #require(model.encoders[.audio])
        var rng = TestRandom(seed: UInt64(rate + bytesPerSample))
        let frames = rate * 3
        var data = (0..<frames * channels * bytesPerSample).map { _ in UInt8.random(in: 0...255, using: &rng) }
        if isFloat {
            for s in 0..<frames * channels {
                let bits = Float.random(in: -1...1, using: &rng).bitPattern
                for j in 0..<4 { data[4 * s + j] = UInt8(truncatingIfNeeded: bits >> UInt32(8 * j)) }
            }
        } else if bytesPerSample == 2 {  // shaped sound rather than noise for the common format
            for (i, v) in randomSound(&rng, count: frames * channels).enumerated() {
                data[2 * i] = UInt8(truncatingIfNeeded: v)
                data[2 * i + 1] = UInt8(truncatingIfNeeded: v >> 8)
            }
        }
        // An unknown odd-sized chunk before the data, as some writers add.
        let file = TestFiles.wav(TestFiles.chunk("fmt ", TestFiles.fmt(tag: isFloat ? 3 : 1, channels: channels, rate: rate,
                                                                          bits: 8 * bytesPerSample))
                                 + TestFiles.chunk("LIST", [1, 2, 3]) + TestFiles.chunk("data", data))
        let samples = (0..<frames * channels).map {
            Reference.sample(data, at: $0 * bytesPerSample, width: bytesPerSample, isFloat: isFloat)
        }
        let features = Reference.audioFeatures(PCMAudio(sampleRate: rate, channels: channels, samples: samples))
        var code = [UInt8](repeating: 0, count: 32)
        for (bit, value) in Reference.projections(encoder.weights, features).enumerated() where value > 0 {
            code[bit / 8] |= 1 << UInt8(bit % 8)
        }
        let identity = try Fingerprinter(model: model).identify(file, file: "f.wav")
        #expect(identity.fingerprint.bytes == code)
        #expect(try identifyInPlace(Fingerprinter(model: model), file, file: "f.wav").get() == identity)
    }

    /// The direct WAV path refuses exactly what `MediaDecoder` refuses, with the same error.
    @Test func brokenWAVsGiveTheDecodersError() throws {
        let fingerprinter = Fingerprinter(model: try GoldenVectorTests.model())
        let good = TestFiles.wav16((0..<300).map { Int16($0 * 97 % 4000) }, channels: 2, rate: 16000)
        var broken: [[UInt8]] = (0..<good.count).map { Array(good.prefix($0)) }
        broken.append(TestFiles.wav(TestFiles.chunk("fmt ", TestFiles.fmt(channels: 2, bits: 16)) + TestFiles.chunk("data", [1, 2, 3])))
        broken.append(TestFiles.wav(TestFiles.chunk("fmt ", TestFiles.fmt(bits: 16)) + TestFiles.chunk("data", [])))
        broken.append(TestFiles.wav(TestFiles.chunk("data", [0, 0]) + TestFiles.chunk("fmt ", TestFiles.fmt(bits: 16))))
        for bytes in broken {
            var expected: FingerprintError?
            do throws(FingerprintInputError) { _ = try MediaDecoder.decode(bytes, file: "b.wav") } catch { expected = .input(error) }
            var got: FingerprintError?
            do throws(FingerprintError) { _ = try fingerprinter.identify(bytes, file: "b.wav") } catch { got = error }
            if let expected { #expect(got == expected, "\(bytes.count) bytes") } else { #expect(got == nil) }
            // The in-place reader (a mapped file) refuses the same files for the same reasons.
            let inPlace = identifyInPlace(fingerprinter, bytes, file: "b.wav")
            if case let .failure(error) = inPlace { #expect(error == expected, "in place, \(bytes.count) bytes") }
            else { #expect(expected == nil, "in place, \(bytes.count) bytes") }
        }
    }
}

/// `identify` through its buffer entry point, the way a mapped file is fingerprinted.
func identifyInPlace(_ fingerprinter: Fingerprinter, _ bytes: [UInt8], file: String) -> Result<WorkIdentity, FingerprintError> {
    bytes.withUnsafeBytes { buffer in Result { () throws(FingerprintError) in try fingerprinter.identify(buffer, file: file) } }
}

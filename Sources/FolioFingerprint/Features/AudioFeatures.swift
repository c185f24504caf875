import Dispatch
import Foundation

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

    /// Below this many steps per core (about 25 s of sound) threads cost more than they save.
    static let minimumStepsPerPart = 200

    static func extract(_ audio: PCMAudio) -> FeatureSequence { features(ofMono: resampledMono(audio)) }

    /// The features of a WAV file's checked data chunk (`WAVReader.dataChunk`): the same numbers
    /// as `extract(WAVReader.decodeSamples(data, format:))`, but 16-bit PCM, the common case, is
    /// resampled straight from the file's bytes, without a decoded copy of every sample.
    static func extract(wavData data: ArraySlice<UInt8>, format: WAVReader.Format) throws(InputProblem) -> FeatureSequence {
        let frames = try WAVReader.frameCount(data, format: format)
        guard let outCount = inPlaceOutputCount(frames: frames, format: format) else {
            return extract(try WAVReader.decodeSamples(data, format: format))
        }
        return features(ofMono: data.withUnsafeBufferPointer { buffer in
            resampled16(buffer.baseAddress.unsafelyUnwrapped, frames: frames, outCount: outCount, channels: format.channels)
        })
    }

    /// The same features from a data chunk held elsewhere (a mapped file): 16-bit PCM is read in
    /// place; any other sample format is copied and decoded as above.
    static func extract(wavData data: UnsafeRawBufferPointer, format: WAVReader.Format) throws(InputProblem) -> FeatureSequence {
        let frames = try WAVReader.frameCount(byteCount: data.count, format: format)
        guard let outCount = inPlaceOutputCount(frames: frames, format: format) else {
            return extract(try WAVReader.decodeSamples(ArraySlice(data), format: format))
        }
        // frameCount guarantees at least one frame, so the buffer has a base address.
        let bytes = data.bindMemory(to: UInt8.self).baseAddress.unsafelyUnwrapped
        return features(ofMono: resampled16(bytes, frames: frames, outCount: outCount, channels: format.channels))
    }

    /// The 8 kHz sample count when `format` can be resampled straight from the file's bytes
    /// (16-bit PCM, downsampling); nil when the samples must be decoded first.
    static func inPlaceOutputCount(frames: Int, format: WAVReader.Format) -> Int? {
        let outCount = max(1, Int((Int64(frames) * Int64(rate)) / Int64(format.sampleRate)))
        return !format.isFloat && format.bitsPerSample == 16 && outCount <= frames ? outCount : nil
    }

    /// 16-bit little-endian PCM at `bytes` (`frames` frames of `channels`), channels averaged and
    /// resampled to `outCount` samples, in parts across cores.
    static func resampled16(_ bytes: UnsafePointer<UInt8>, frames: Int, outCount: Int, channels: Int) -> [Int16] {
        let shared = ConcurrentShare(bytes)
        return downsampledInParts(frames: frames, outCount: outCount) { range, divisor, out in
            let bytes = shared.value
            if channels == 1 {
                downsample(frames: frames, outCount: outCount, outputs: range, divisor: divisor, into: out) {
                    littleEndian16(bytes, 2 * $0)
                }
            } else {
                downsample(frames: frames, outCount: outCount, outputs: range, divisor: divisor, into: out) {
                    (littleEndian16(bytes, 4 * $0) &+ littleEndian16(bytes, 4 * $0 + 2)) >> 1
                }
            }
        }
    }

    /// The 16-bit sample at byte offset `at`, little-endian: what `WAVReader.decodeSamples` stores.
    @inline(__always)
    static func littleEndian16(_ bytes: UnsafePointer<UInt8>, _ at: Int) -> Int64 {
        Int64(Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8))
    }

    /// Log band energies of 8 kHz mono samples, floored and centred (see the type's summary).
    static func features(ofMono mono: [Int16]) -> FeatureSequence {
        let steps = max(1, mono.count / stepSize)
        let width = FeatureSequence.width
        var logs = [Int](repeating: 0, count: steps * width)
        mono.withUnsafeBufferPointer { x in
            window.withUnsafeBufferPointer { w in
                bandEdges.withUnsafeBufferPointer { edges in
                    logs.withUnsafeMutableBufferPointer { out in
                        // Steps are independent and each writes only its own 16 values, so
                        // splitting them across cores gives the same numbers in any order.
                        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, steps / minimumStepsPerPart))
                        if parts == 1 {
                            logBandPowers(x, window: w, edges: edges, steps: 0..<steps, into: out)
                        } else {
                            let shared = ConcurrentShare((x, w, edges, out))
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let (x, w, edges, out) = shared.value
                                logBandPowers(x, window: w, edges: edges,
                                              steps: steps * part / parts..<steps * (part + 1) / parts, into: out)
                            }
                        }
                    }
                }
            }
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

    /// For each step in `steps`, log2 (Q8) of the power in each band summed over the step's
    /// seven frames, written to `out[t * width + band]`. Steps are independent of each other.
    ///
    /// Windowed samples are within ±2^15 (|sample| ≤ 2^15, window ≤ 2^15, then >> 15), so FFT
    /// outputs stay below 2^24 in each part (see `FixedFFT`) and re² + im² below 2^49: the
    /// `&*`/`&+` below cannot wrap and the sum is never negative.
    static func logBandPowers(_ x: UnsafeBufferPointer<Int16>, window w: UnsafeBufferPointer<Int64>,
                              edges: UnsafeBufferPointer<Int>, steps: Range<Int>,
                              into out: UnsafeMutableBufferPointer<Int>) {
        let width = FeatureSequence.width
        let re = UnsafeMutablePointer<Int64>.allocate(capacity: frameSize)
        let im = UnsafeMutablePointer<Int64>.allocate(capacity: frameSize)
        let power = UnsafeMutablePointer<UInt64>.allocate(capacity: width)
        defer {
            re.deallocate()
            im.deallocate()
            power.deallocate()
        }
        let count = x.count
        for t in steps {
            power.initialize(repeating: 0, count: width)
            var start = t * stepSize
            while start <= t * stepSize + stepSize - frameSize {
                if start + frameSize <= count {
                    let frame = x.baseAddress.unsafelyUnwrapped + start
                    fft.transformReal(re: re, im: im) { n in (Int64(frame[n]) &* w[n]) >> 15 }
                } else {  // the clip ends inside this frame: zeros after its end
                    fft.transformReal(re: re, im: im) { n in
                        start + n < count ? (Int64(x[start + n]) &* w[n]) >> 15 : 0
                    }
                }
                for b in 0..<width {
                    var sum = power[b]
                    for k in edges[b]..<edges[b + 1] {
                        sum &+= UInt64(bitPattern: re[k] &* re[k] &+ im[k] &* im[k]) >> 8
                    }
                    power[b] = sum
                }
                start += hop
            }
            for b in 0..<width { out[t * width + b] = FixedMath.log2Q8(power[b]) }
        }
    }

    /// Mixes to mono (floor of the mean of the channels) and area-resamples to 8 kHz, rounding.
    ///
    /// The same numbers as `AreaResampler.areaSums` followed by one rounded division by the
    /// frame count: output j is Σᵢ vᵢ · |[i·m, (i+1)·m) ∩ [j·n, (j+1)·n)| / n for n frames and m
    /// outputs. When downsampling (m ≤ n) each source interval meets at most two outputs, so the
    /// sum is taken in one pass: sources wholly inside output j weigh exactly m, and the one
    /// straddling a boundary is split there. Upsampling (rates below 8 kHz) uses `areaSums`.
    static func resampledMono(_ audio: PCMAudio) -> [Int16] {
        let frames = audio.frameCount
        let channels = audio.channels
        let outCount = max(1, Int((Int64(frames) * Int64(rate)) / Int64(audio.sampleRate)))
        guard outCount <= frames else {
            let samples = audio.samples
            let sums = AreaResampler.areaSums(count: frames, outCount: outCount) { i in
                channels == 1 ? Int64(samples[i]) : (Int64(samples[2 * i]) + Int64(samples[2 * i + 1])) >> 1
            }
            return sums.map { FixedMath.clampInt16(FixedMath.roundedDivide($0, Int64(frames))) }
        }
        return audio.samples.withUnsafeBufferPointer { samples in
            let shared = ConcurrentShare(samples)
            return downsampledInParts(frames: frames, outCount: outCount) { range, divisor, out in
                let samples = shared.value
                if channels == 1 {
                    downsample(frames: frames, outCount: outCount, outputs: range, divisor: divisor, into: out) {
                        Int64(samples[$0])
                    }
                } else {
                    downsample(frames: frames, outCount: outCount, outputs: range, divisor: divisor, into: out) {
                        (Int64(samples[2 * $0]) &+ Int64(samples[2 * $0 + 1])) >> 1
                    }
                }
            }
        }
    }

    /// `outCount` outputs filled by `body(range, divisor, out)` over ranges that together cover
    /// them once. Outputs are independent given their start (s_j, r_j; see `downsample`), so
    /// long clips are split across cores; each part writes only its own outputs.
    @inline(__always)
    static func downsampledInParts(
        frames: Int, outCount: Int,
        _ body: @escaping @Sendable (Range<Int>, Divisor, UnsafeMutableBufferPointer<Int16>) -> Void
    ) -> [Int16] {
        let divisor = Divisor(Int64(frames))
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, outCount / minimumOutputsPerPart))
        return [Int16](unsafeUninitializedCapacity: outCount) { out, initialized in
            let shared = ConcurrentShare(out)
            let run: @Sendable (Int) -> Void = { part in
                body(outCount * part / parts..<outCount * (part + 1) / parts, divisor, shared.value)
            }
            if parts == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: run) }
            initialized = outCount
        }
    }

    /// Below this many 8 kHz outputs per core (about 25 s) threads cost more than they save.
    static let minimumOutputsPerPart = 200_000

    /// Outputs `outputs` of the `m` ≤ `n` area means of `value(0..<n)`, each rounded to nearest
    /// (ties away from zero) and clamped to Int16, written to `out[j]`.
    ///
    /// Output j's interval [j·n, (j+1)·n) starts inside source s_j = ⌊j·n/m⌋, r_j = j·n − s_j·m
    /// into it. With m ≤ n the sources s_j ..< s_{j+1} (q or q + 1 of them, q = ⌊n/m⌋) cover the
    /// interval, overhanging it by r_j at the start and m − r_{j+1} at the end, so
    ///     sum_j = m · Σ_{s_j ≤ i < s_{j+1}} v_i − r_j · v_{s_j} + r_{j+1} · v_{s_{j+1}}
    /// (the last term is zero when r_{j+1} = 0, which it is for the last output). That is the
    /// overlap-weighted sum `AreaResampler.areaSums` computes, as exact integers, with loops of a
    /// fixed length instead of a branch per source.
    ///
    /// Overflow: |v| ≤ 2^15, a run sums at most q + 1 ≤ n/m + 1 values, so m times it is at most
    /// (n + m)·2^15 ≤ 2^46 for n ≤ 600 M frames (`InputLimits`), and the r terms are below m·2^15;
    /// j·n is below 2^59.
    @inline(__always)
    static func downsample(frames n: Int, outCount m: Int, outputs: Range<Int>, divisor: Divisor,
                           into out: UnsafeMutableBufferPointer<Int16>, value: (Int) -> Int64) {
        guard !outputs.isEmpty else { return }
        let q = n / m, remainder = n % m
        var s = outputs.lowerBound * n / m  // s_j
        var r = outputs.lowerBound * n - s * m  // r_j
        var head = value(s)  // v_{s_j}; s_j < n for j < m
        for j in outputs {
            // s_{j+1}, r_{j+1}: (j + 1)·n = s_j·m + r_j + q·m + remainder.
            var next = s + q, nextR = r + remainder
            let carry = nextR >= m ? 1 : 0
            next += carry
            nextR -= carry * m
            var run: Int64 = 0
            for i in s..<s + q { run &+= value(i) }
            if next > s + q { run &+= value(s + q) }
            // r_{j+1} = 0 exactly at the last output (s_m = n), so v_{s_m} is never read there.
            let tail = nextR == 0 ? 0 : value(next)
            let sum = run &* Int64(m) &- Int64(r) &* head &+ Int64(nextR) &* tail
            out[j] = FixedMath.clampInt16(divisor.roundedQuotient(sum))
            s = next
            r = nextR
            head = tail
        }
    }
}

/// Division by a fixed positive divisor through a 64-bit reciprocal: the quotient estimate
/// from the high half of x · ⌊2^64 / d⌋ is at most 1 too small, and is corrected against the
/// exact remainder, so the result is exactly ⌊x / d⌋ for every x in 0..<2^63 — only faster than
/// a hardware division when one divisor is used millions of times.
struct Divisor {
    let d: UInt64
    let reciprocal: UInt64

    init(_ divisor: Int64) {
        precondition(divisor > 0, "divisor is positive")
        d = UInt64(divisor)
        // ⌊2^64 / d⌋ (for d = 1 that would be 2^64; UInt64.max then gives x − 1 and one correction).
        reciprocal = d == 1 ? .max : UInt64.max / d + (UInt64.max % d == d - 1 ? 1 : 0)
    }

    /// ⌊x / d⌋ for 0 ≤ x < 2^63.
    @inline(__always)
    func quotient(_ x: UInt64) -> UInt64 {
        // x·R/2^64 > x/d − x/2^64 > x/d − 1/2, so the estimate is ⌊x/d⌋ or one less and the
        // remainder below 2d: one correction.
        let q = x.multipliedFullWidth(by: reciprocal).high
        let r = x &- q &* d
        return q &+ (r >= d ? 1 : 0)
    }

    /// `FixedMath.roundedDivide(x, d)`: nearest, ties away from zero; |x| + d/2 < 2^63.
    @inline(__always)
    func roundedQuotient(_ x: Int64) -> Int64 {
        let half = d / 2
        return x >= 0 ? Int64(quotient(UInt64(x) &+ half)) : -Int64(quotient(x.magnitude &+ half))
    }
}

/// Hands buffer pointers to `DispatchQueue.concurrentPerform` iterations that only read them or
/// write disjoint parts of them, while the buffers outlive the call.
struct ConcurrentShare<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

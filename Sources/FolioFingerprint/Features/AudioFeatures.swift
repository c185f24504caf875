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

    static func extract(_ audio: PCMAudio) -> FeatureSequence {
        let mono = resampledMono(audio)
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
            channels == 1
                ? downsampled(frames: frames, outCount: outCount) { Int64(samples[$0]) }
                : downsampled(frames: frames, outCount: outCount) {
                    (Int64(samples[2 * $0]) &+ Int64(samples[2 * $0 + 1])) >> 1
                }
        }
    }

    /// `outCount` ≤ `frames` area means of `value(0..<frames)`, each rounded to nearest (ties
    /// away from zero) and clamped to Int16.
    ///
    /// Overflow: |v| ≤ 2^15; `inner` sums at most n/m + 1 sources, so `inner · m` ≤ (n + m)·2^15,
    /// and every partial weight is below m; with n ≤ 600 M frames (`InputLimits`) all of it is
    /// below 2^47.
    @inline(__always)
    static func downsampled(frames n: Int, outCount m: Int, value: (Int) -> Int64) -> [Int16] {
        let divisor = Divisor(Int64(n))
        return [Int16](unsafeUninitializedCapacity: m) { out, initialized in
            var j = 0
            var boundary = n  // end of output j on the common axis, (j + 1)·n
            var position = 0  // start of source i, i·m
            var inner: Int64 = 0  // Σ v of the sources wholly inside output j
            var partial: Int64 = 0  // the weighted part of a straddling source inside output j
            for i in 0..<n {
                let v = value(i)
                let end = position + m
                if end <= boundary {
                    inner &+= v
                    if end == boundary {
                        out[j] = FixedMath.clampInt16(divisor.roundedQuotient(inner &* Int64(m) &+ partial))
                        j += 1
                        boundary += n
                        inner = 0
                        partial = 0
                    }
                } else {
                    // position < boundary < end: split v at the boundary. end − boundary < m ≤ n,
                    // so the rest lies inside output j + 1.
                    out[j] = FixedMath.clampInt16(divisor.roundedQuotient(
                        inner &* Int64(m) &+ partial &+ v &* Int64(boundary - position)))
                    j += 1
                    inner = 0
                    partial = v &* Int64(end - boundary)
                    boundary += n
                }
                position = end
            }
            // The last source ends at n·m, the end of output m − 1, so exactly m were written.
            precondition(j == m, "area resampling wrote every output")
            initialized = m
        }
    }
}

/// Division by a fixed positive divisor through a 64-bit reciprocal: the quotient estimate
/// from the high half of x · ⌊2^64 / d⌋ is at most 2 too small, and is corrected against the
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
        var q = x.multipliedFullWidth(by: reciprocal).high
        var r = x &- q &* d
        while r >= d {
            q &+= 1
            r &-= d
        }
        return q
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

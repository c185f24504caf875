import Foundation

/// Signal-level changes a copy of a recording goes through: filters, room reverb, resampling,
/// added noise. Float64 is fine here: training data need not be bit-exact across machines.
enum AudioEffects {
    /// A second-order (two-pole) Butterworth section, the usual "high-pass" and "low-pass" of
    /// audio editors, from the bilinear transform of the analogue prototype (Q = 1/√2).
    struct Biquad {
        var b0: Double, b1: Double, b2: Double, a1: Double, a2: Double

        static func lowpass(cutoff: Double, rate: Double) -> Biquad {
            let (cosine, alpha) = angles(cutoff, rate)
            let a0 = 1 + alpha
            return Biquad(b0: (1 - cosine) / 2 / a0, b1: (1 - cosine) / a0, b2: (1 - cosine) / 2 / a0,
                          a1: -2 * cosine / a0, a2: (1 - alpha) / a0)
        }

        static func highpass(cutoff: Double, rate: Double) -> Biquad {
            let (cosine, alpha) = angles(cutoff, rate)
            let a0 = 1 + alpha
            return Biquad(b0: (1 + cosine) / 2 / a0, b1: -(1 + cosine) / a0, b2: (1 + cosine) / 2 / a0,
                          a1: -2 * cosine / a0, a2: (1 - alpha) / a0)
        }

        private static func angles(_ cutoff: Double, _ rate: Double) -> (Double, Double) {
            let w = 2 * Double.pi * cutoff / rate
            return (cos(w), sin(w) / (2 * 0.5.squareRoot()))
        }

        /// Filters `x` in place (direct form I, state starting at rest).
        func apply(_ x: inout [Double]) {
            var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0
            for n in x.indices {
                let y = b0 * x[n] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
                x2 = x1; x1 = x[n]; y2 = y1; y1 = y
                x[n] = y
            }
        }
    }

    /// A small room: parallel feedback combs with damped (low-passed) feedback, then two
    /// all-pass diffusers (Schroeder's and Moorer's reverberator). `mix` is the wet share; the
    /// wet signal is scaled to the dry signal's power first, so `mix` alone sets how much of
    /// the room is heard.
    struct Reverb {
        var mix: Double
        /// Time for the combs' echoes to fall by 60 dB.
        var decaySeconds: Double
        /// Multiplies every comb delay (a larger room).
        var roomScale: Double
        /// 0 … 1: how much of each echo's high frequencies the walls absorb.
        var damping: Double

        func apply(_ x: inout [Double], rate: Double) {
            guard !x.isEmpty else { return }
            var wet = [Double](repeating: 0, count: x.count)
            for milliseconds in [29.7, 37.1, 41.1, 43.7, 31.3, 35.9] {
                let delay = max(1, Int(milliseconds / 1000 * roomScale * rate))
                let feedback = pow(10, -3 * Double(delay) / rate / decaySeconds)
                var line = [Double](repeating: 0, count: delay)
                var position = 0, low = 0.0
                for n in x.indices {
                    let out = line[position]
                    low = (1 - damping) * out + damping * low
                    line[position] = x[n] + feedback * low
                    position = position + 1 == delay ? 0 : position + 1
                    wet[n] += out
                }
            }
            for milliseconds in [5.0, 1.7] {
                let delay = max(1, Int(milliseconds / 1000 * rate)), gain = 0.7
                var line = [Double](repeating: 0, count: delay)
                var position = 0
                for n in wet.indices {
                    let delayed = line[position]
                    let out = delayed - gain * wet[n]
                    line[position] = wet[n] + gain * out
                    position = position + 1 == delay ? 0 : position + 1
                    wet[n] = out
                }
            }
            let scale = (power(x) / max(1e-12, power(wet))).squareRoot()
            for n in x.indices { x[n] = (1 - mix) * x[n] + mix * scale * wet[n] }
        }
    }

    static func power(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 } / Double(max(1, x.count)) }

    /// White Gaussian noise at `snr` dB below the signal's power.
    static func addNoise(_ x: inout [Double], snr: Double, _ random: inout SeededRandom) {
        let sigma = (power(x) / pow(10, snr / 10)).squareRoot()
        for n in x.indices { x[n] += sigma * random.gaussian() }
    }

    /// Resamples `x` from `from` Hz to `to` Hz: each output sample is the mean of the input over
    /// its own time span (a box filter, so downsampling does not alias everything), or a linear
    /// interpolation when upsampling.
    static func resample(_ x: [Double], from: Double, to: Double) -> [Double] {
        guard !x.isEmpty, from != to else { return x }
        let count = max(1, Int(Double(x.count) * to / from))
        let step = from / to
        var out = [Double](repeating: 0, count: count)
        if step <= 1 {
            for j in 0..<count {
                let p = Double(j) * step, i = Int(p), f = p - Double(i)
                out[j] = i + 1 < x.count ? x[i] * (1 - f) + x[i + 1] * f : x[min(i, x.count - 1)]
            }
            return out
        }
        for j in 0..<count {
            let lo = Double(j) * step, hi = lo + step
            var sum = 0.0, i = Int(lo)
            while Double(i) < hi, i < x.count {
                let overlap = min(hi, Double(i + 1)) - max(lo, Double(i))
                sum += x[i] * overlap
                i += 1
            }
            out[j] = sum / step
        }
        return out
    }
}

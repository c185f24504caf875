import FolioFingerprint
import Foundation

/// Synthetic music (`MusicScore`) and copies of it as a recording would be changed: gain,
/// noise, resampling, trims, tempo, pitch (re-rendered, or sped up with the tempo kept),
/// band-limiting and reverb. Everything is rendered at 24 kHz first and then changed at the
/// signal level, the way an editor would change a recording.
struct AudioSynth: WorkSynthesiser {
    typealias Work = MusicScore

    /// How one copy is made from the score.
    struct Rendering {
        /// Output sample rate.
        var rate = 22050
        /// Score tempo factor (notes start and end earlier above 1; pitch kept).
        var tempo = 1.0
        /// Score pitch factor (every tonal note; drums unchanged).
        var pitch = 1.0
        /// Playback speed of the rendered signal; the score is rendered `speed` times slower, so
        /// the copy keeps its length and everything, drums included, moves up in pitch.
        var speed = 1.0
        /// Seconds cut from the start and from the end of the copy.
        var trimStart = 0.0, trimEnd = 0.0
        var gain = 1.0
        /// Added white noise, dB below the signal.
        var snr: Double?
        var highpass: Double?, lowpass: Double?
        /// Apply each filter twice (12 dB per octave becomes 24).
        var steepFilters = false
        var reverb: AudioEffects.Reverb?
    }

    let medium = Medium.audio
    let transforms = ["gain", "noise", "resample", "trim", "tempo", "pitch", "bandpass", "reverb"]
    let seconds = 5.0
    /// The rate every score is rendered at before the copy's own changes.
    static let renderRate = 24000.0

    func makeWork(_ random: inout SeededRandom) -> MusicScore { MusicScore.random(seconds: seconds, &random) }

    func original(_ work: MusicScore) -> DecodedWork { render(work, Rendering()) }

    func transformed(_ work: MusicScore, kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        var r = Rendering()
        let p = 0.35
        if picks("resample", kind, &random, p: p) { r.rate = [8000, 11025, 16000, 32000, 44100, 48000][random.int(0..<6)] }
        if picks("tempo", kind, &random, p: p) { r.tempo = random.uniform(0.93, 1.07) }
        if picks("pitch", kind, &random, p: p) {
            let factor = random.uniform(0.95, 1.05)
            if random.chance(0.5) { r.pitch = factor } else { r.speed = factor }
        }
        if picks("trim", kind, &random, p: p) {
            r.trimStart = random.uniform(0, 0.8)
            if random.chance(0.3) { r.trimEnd = random.uniform(0, 0.5) }
        }
        if picks("gain", kind, &random, p: p) { r.gain = random.uniform(0.1, 3) }
        if picks("noise", kind, &random, p: p) { r.snr = random.uniform(10, 30) }
        if picks("bandpass", kind, &random, p: p) {
            let both = random.chance(0.6), high = random.chance(0.5)
            if both || high { r.highpass = random.uniform(100, 400) }
            if both || !high { r.lowpass = random.uniform(2000, 5000) }
            r.steepFilters = random.chance(0.3)
        }
        if picks("reverb", kind, &random, p: p) {
            r.reverb = .init(mix: random.uniform(0.2, 0.6), decaySeconds: random.uniform(0.3, 2.5),
                             roomScale: random.uniform(0.6, 1.5), damping: random.uniform(0.2, 0.7))
        }
        return render(work, r, noise: &random)
    }

    func render(_ work: MusicScore, _ r: Rendering) -> DecodedWork {
        var unused = SeededRandom(seed: 0)
        return render(work, r, noise: &unused)
    }

    func render(_ work: MusicScore, _ r: Rendering, noise random: inout SeededRandom) -> DecodedWork {
        // The score at `speed` times slower, so that played `speed` times faster it lasts as long.
        var signal = play(work, seconds: seconds / r.tempo * r.speed, tempo: r.tempo / r.speed, pitch: r.pitch)
        let rate = Self.renderRate * r.speed
        for _ in 0..<(r.steepFilters ? 2 : 1) {
            if let cutoff = r.highpass { AudioEffects.Biquad.highpass(cutoff: cutoff, rate: rate).apply(&signal) }
            if let cutoff = r.lowpass, cutoff < 0.45 * rate { AudioEffects.Biquad.lowpass(cutoff: cutoff, rate: rate).apply(&signal) }
        }
        r.reverb?.apply(&signal, rate: rate)
        signal = AudioEffects.resample(signal, from: rate, to: Double(r.rate))
        let from = min(signal.count, Int(r.trimStart * Double(r.rate)))
        let to = max(from, signal.count - Int(r.trimEnd * Double(r.rate)))
        signal = Array(signal[from..<to])
        if let snr = r.snr { AudioEffects.addNoise(&signal, snr: snr, &random) }
        let samples = signal.map { Int16(max(-32768, min(32767, ($0 * r.gain * 32767).rounded()))) }
        return .audio(PCMAudio.checked(sampleRate: r.rate, channels: 1, samples: samples.isEmpty ? [0] : samples)!)
    }

    /// The score rendered at `renderRate` for `seconds`, notes scaled in time by 1/`tempo` and
    /// in frequency by `pitch`, peak-normalised to 0.7.
    func play(_ score: MusicScore, seconds: Double, tempo: Double, pitch: Double) -> [Double] {
        let rate = Self.renderRate
        let count = Int(seconds * rate)
        var out = [Double](repeating: 0, count: count)
        for note in score.notes {
            let start = note.start / tempo * rate, length = note.length / tempo
            let from = max(0, Int(start.rounded(.up))), to = min(count, Int(start + length * rate))
            guard from < to else { continue }
            let timbre = score.timbres[note.timbre]
            let frequency = note.frequency * pitch
            let partials = timbre.partials.enumerated().filter { frequency * Double($0.offset + 1) < 0.45 * rate }
            let wobble = timbre.vibratoDepth / (2 * Double.pi * timbre.vibratoRate)
            for n in from..<to {
                let t = (Double(n) - start) / rate
                let envelope = min(1, t / note.attack) * exp(-t / note.decay) * min(1, max(0, (length - t) / 0.01))
                // Vibrato as phase modulation: the phase is f·(t + depth/(2π·rate)·sin(2π·rate·t)).
                let phase = frequency * (t + wobble * Wavetable.sine(timbre.vibratoRate * t))
                var v = 0.0
                for (k, amplitude) in partials { v += amplitude * Wavetable.sine(phase * Double(k + 1)) }
                out[n] += note.amplitude * envelope * v
            }
        }
        addDrums(score, into: &out, tempo: tempo)
        let peak = out.reduce(0) { max($0, abs($1)) }
        if peak > 0 { for n in out.indices { out[n] *= 0.7 / peak } }
        return out
    }

    /// Drum hits and noise bursts. Their noise is read from one table per score by time, so
    /// every rendering of a score has the same noise at the same moment.
    func addDrums(_ score: MusicScore, into out: inout [Double], tempo: Double) {
        guard !score.hits.isEmpty || !score.bursts.isEmpty else { return }
        let rate = Self.renderRate
        var random = SeededRandom(seed: score.noiseSeed)
        let table = (0..<1 << 16).map { _ in random.gaussian() }
        func noise(_ i: Int) -> Double { table[i & (table.count - 1)] }
        for (index, hit) in score.hits.enumerated() {
            let from = Int((hit.start / tempo * rate).rounded(.up))
            let length: Double = switch hit.drum { case .kick: 0.25; case .snare: 0.18; case .hat: 0.05 }
            let offset = index &* 7919, to = min(out.count, from + Int(length * rate))
            guard from < to else { continue }
            for n in from..<to {
                let t = Double(n - from) / rate
                let v: Double = switch hit.drum {
                case .kick: Wavetable.sine(50 * t + 2 * (1 - exp(-30 * t))) * exp(-12 * t)
                case .snare: (noise(offset + n - from) + 0.5 * Wavetable.sine(185 * t)) * exp(-25 * t)
                case .hat: (noise(offset + n - from) - noise(offset + n - from - 1)) * exp(-80 * t)
                }
                out[n] += hit.level * v
            }
        }
        for (index, burst) in score.bursts.enumerated() {
            let from = max(0, Int(burst.start / tempo * rate))
            let to = min(out.count, from + Int(burst.length / tempo * rate))
            let offset = (index + score.hits.count) &* 7919
            if from < to { for n in from..<to { out[n] += burst.level * noise(offset + n - from) } }
        }
    }
}

/// sin(2π·cycles) from a 4,096-entry table with linear interpolation: synthesis calls it
/// millions of times per batch, and table lookups keep training in minutes.
enum Wavetable {
    static let table: [Double] = (0...4096).map { sin(2 * Double.pi * Double($0) / 4096) }

    static func sine(_ cycles: Double) -> Double {
        let phase = (cycles - cycles.rounded(.down)) * 4096
        let i = Int(phase), f = phase - Double(i)
        return table[i] + (table[i + 1] - table[i]) * f
    }
}

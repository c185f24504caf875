import FolioFingerprint
import Foundation

/// Synthetic music: a few seconds of notes with harmonics and decay, plus noise bursts.
/// Transforms re-render the same score: gain, noise, sample rate, trim, tempo, pitch.
struct AudioSynth: WorkSynthesiser {
    struct Note { var start: Double, length: Double, frequency: Double, amplitude: Double, harmonics: Int }
    struct Work { var notes: [Note], bursts: [(start: Double, length: Double, level: Double)], seed: UInt64 }

    let medium = Medium.audio
    let transforms = ["gain", "noise", "resample", "trim", "tempo", "pitch"]
    let seconds = 4.0

    func makeWork(_ random: inout SeededRandom) -> Work {
        var notes: [Note] = []
        var time = 0.0
        while time < seconds + 0.5 {
            let length = random.uniform(0.1, 0.6)
            for _ in 0..<random.int(1..<4) {  // single notes and chords
                notes.append(Note(start: time, length: length * random.uniform(0.8, 1.5),
                                  frequency: 110 * pow(2, Double(random.int(0..<48)) / 12),
                                  amplitude: random.uniform(0.05, 0.3), harmonics: random.int(1..<5)))
            }
            time += length
        }
        let bursts = (0..<random.int(0..<6)).map { _ in
            (start: random.uniform(0, seconds), length: random.uniform(0.02, 0.15), level: random.uniform(0.02, 0.2))
        }
        return Work(notes: notes, bursts: bursts, seed: random.next())
    }

    func original(_ work: Work) -> DecodedWork { render(work, rate: 22050, tempo: 1, pitch: 1, trim: 0, gain: 1, snr: nil) }

    func transformed(_ work: Work, kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        let rates = [8000, 11025, 16000, 32000, 44100, 48000]
        return render(work,
                      rate: picks("resample", kind, &random) ? rates[random.int(0..<rates.count)] : 22050,
                      tempo: picks("tempo", kind, &random) ? random.uniform(0.94, 1.06) : 1,
                      pitch: picks("pitch", kind, &random) ? random.uniform(0.96, 1.04) : 1,
                      trim: picks("trim", kind, &random) ? random.uniform(0, 0.3) : 0,
                      gain: picks("gain", kind, &random) ? random.uniform(0.2, 2.5) : 1,
                      snr: picks("noise", kind, &random) ? random.uniform(15, 35) : nil)
    }

    func render(_ work: Work, rate: Int, tempo: Double, pitch: Double, trim: Double, gain: Double,
                snr: Double?) -> DecodedWork {
        let count = Int((seconds - trim) * Double(rate))
        var signal = [Double](repeating: 0, count: count)
        for note in work.notes {
            let start = (note.start / tempo - trim) * Double(rate)
            let length = note.length / tempo * Double(rate)
            let from = max(0, Int(start)), to = min(count, Int(start + length))
            guard from < to else { continue }
            for n in from..<to {
                let t = (Double(n) - start) / Double(rate)
                let envelope = exp(-3 * t / (note.length / tempo)) * min(1, t * 200)
                var v = 0.0
                for h in 1...note.harmonics { v += Wavetable.sine(note.frequency * pitch * Double(h) * t) / Double(h) }
                signal[n] += note.amplitude * envelope * v
            }
        }
        var noise = SeededRandom(seed: work.seed)
        for burst in work.bursts {
            let from = max(0, Int((burst.start / tempo - trim) * Double(rate)))
            let to = min(count, from + Int(burst.length / tempo * Double(rate)))
            if from < to { for n in from..<to { signal[n] += burst.level * noise.uniform(-1, 1) } }
        }
        if let snr {
            let power = signal.reduce(0) { $0 + $1 * $1 } / Double(max(1, count))
            let sigma = (power / pow(10, snr / 10)).squareRoot()
            for n in 0..<count { signal[n] += sigma * noise.gaussian() }
        }
        let samples = signal.map { Int16(max(-32768, min(32767, ($0 * gain * 32767).rounded()))) }
        return .audio(PCMAudio.checked(sampleRate: rate, channels: 1, samples: samples.isEmpty ? [0] : samples)!)
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

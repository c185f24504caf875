import Foundation

/// A synthetic piece of music as a score, so a transformed copy can re-render the same piece at
/// another rate, tempo or pitch. Pieces mix the parts most popular music has: a melody with its
/// own timbre (partials, attack, decay, vibrato), often a bass line, chords and drums, and
/// sometimes the free chords and noise bursts of folio-train's first synthesiser. The variety
/// matters beyond training: the projection hyperplanes are put through the median pooled state
/// of these pieces, and a narrow synthesiser leaves most code bits constant on other music.
struct MusicScore {
    /// One sounding note. Frequencies are in Hz before any pitch change; times in seconds.
    struct Note {
        var start: Double, length: Double, frequency: Double, amplitude: Double
        var attack: Double, decay: Double
        /// Index into `timbres`.
        var timbre: Int
    }

    /// Relative amplitudes of partials 1, 2, 3, … and a vibrato (depth as a fraction of the
    /// frequency, rate in Hz).
    struct Timbre { var partials: [Double], vibratoDepth: Double, vibratoRate: Double }

    enum Drum { case kick, snare, hat }

    struct Hit { var start: Double, drum: Drum, level: Double }

    struct Burst { var start: Double, length: Double, level: Double }

    var notes: [Note] = []
    var timbres: [Timbre] = []
    var hits: [Hit] = []
    var bursts: [Burst] = []
    /// Seeds the noise of drums and bursts, so every rendering of the piece has the same noise.
    var noiseSeed: UInt64 = 0

    static let scales: [[Int]] = [
        [0, 2, 4, 5, 7, 9, 11],  // major
        [0, 2, 3, 5, 7, 8, 10],  // natural minor
        [0, 2, 4, 7, 9],         // major pentatonic
        [0, 2, 3, 5, 7, 9, 10],  // dorian
        [0, 3, 5, 7, 10],        // minor pentatonic
    ]

    /// A random piece of `seconds` seconds.
    static func random(seconds: Double, _ random: inout SeededRandom) -> MusicScore {
        var score = MusicScore()
        let beat = 60 / random.uniform(60, 180)
        let root = 110 * pow(2, Double(random.int(0..<24)) / 12)  // 110–415 Hz
        let scale = scales[random.int(0..<scales.count)]
        func pitch(_ base: Double, _ degree: Int) -> Double {
            let octave = degree >= 0 ? degree / scale.count : (degree - scale.count + 1) / scale.count
            return base * pow(2, Double(12 * octave + scale[degree - octave * scale.count]) / 12)
        }
        if random.chance(0.85) { score.addMelody(seconds: seconds, beat: beat, root: root, pitch: pitch, &random) }
        if random.chance(0.7) { score.addBass(seconds: seconds, beat: beat, root: root, pitch: pitch, &random) }
        if random.chance(0.5) { score.addPad(seconds: seconds, beat: beat, root: root, pitch: pitch, &random) }
        if random.chance(0.3) || score.notes.isEmpty { score.addFreeChords(seconds: seconds, &random) }
        if random.chance(0.7) { score.addDrums(seconds: seconds, beat: beat, &random) }
        if random.chance(0.3) {
            score.bursts = (0..<random.int(1..<6)).map { _ in
                Burst(start: random.uniform(0, seconds), length: random.uniform(0.02, 0.15), level: random.uniform(0.02, 0.2))
            }
        }
        score.noiseSeed = random.next()
        return score
    }

    mutating func addTimbre(partials: ClosedRange<Int>, vibrato: Bool, _ random: inout SeededRandom) -> Int {
        let rolloff = random.uniform(0.5, 2.5)
        let count = random.int(partials.lowerBound..<partials.upperBound + 1)
        let amplitudes = (1...count).map { k in random.uniform(0.1, 1) / pow(Double(k), rolloff) }
        timbres.append(Timbre(partials: amplitudes, vibratoDepth: vibrato ? random.uniform(0, 0.006) : 0,
                              vibratoRate: random.uniform(4, 7)))
        return timbres.count - 1
    }

    mutating func addMelody(seconds: Double, beat: Double, root: Double, pitch: (Double, Int) -> Double,
                            _ random: inout SeededRandom) {
        let timbre = addTimbre(partials: 1...8, vibrato: true, &random)
        let attack = random.uniform(0.003, 0.08), decay = random.uniform(0.15, 2)
        let lengths = [0.25, 0.5, 0.5, 1, 1, 1.5, 2]
        let register = root * (random.chance(0.5) ? 1 : 2)
        var time = 0.0
        while time < seconds + 0.5 {
            let length = beat * lengths[random.int(0..<lengths.count)]
            if random.chance(0.85) {
                notes.append(Note(start: time, length: length * random.uniform(0.6, 1), frequency: pitch(register, random.int(-2..<12)),
                                  amplitude: random.uniform(0.15, 0.3), attack: attack, decay: decay, timbre: timbre))
            }
            time += length
        }
    }

    mutating func addBass(seconds: Double, beat: Double, root: Double, pitch: (Double, Int) -> Double,
                          _ random: inout SeededRandom) {
        let timbre = addTimbre(partials: 1...4, vibrato: false, &random)
        let base = root / (root > 220 ? 8 : 4)  // fundamentals 28–110 Hz
        var time = 0.0
        while time < seconds + 0.5 {
            let length = beat * Double(random.int(1..<3))
            notes.append(Note(start: time, length: length * 0.9, frequency: pitch(base, [0, 3, 4, 5][random.int(0..<4)]),
                              amplitude: random.uniform(0.2, 0.35), attack: 0.01, decay: random.uniform(0.3, 1), timbre: timbre))
            time += length
        }
    }

    mutating func addPad(seconds: Double, beat: Double, root: Double, pitch: (Double, Int) -> Double,
                         _ random: inout SeededRandom) {
        let timbre = addTimbre(partials: 1...3, vibrato: true, &random)
        let bars = Double(random.int(2..<5))
        var time = 0.0
        while time < seconds + 0.5 {
            let degree = [0, 3, 4, 5][random.int(0..<4)]
            for step in [0, 2, 4] {
                notes.append(Note(start: time, length: beat * bars, frequency: pitch(root / 2, degree + step),
                                  amplitude: random.uniform(0.04, 0.08), attack: random.uniform(0.05, 0.3), decay: 3,
                                  timbre: timbre))
            }
            time += beat * bars
        }
    }

    /// The first synthesiser's music: notes and chords at any semitone, 110 Hz – 1.7 kHz.
    mutating func addFreeChords(seconds: Double, _ random: inout SeededRandom) {
        var time = 0.0
        while time < seconds + 0.5 {
            let length = random.uniform(0.1, 0.6)
            for _ in 0..<random.int(1..<4) {
                let timbre = addTimbre(partials: 1...4, vibrato: false, &random)
                let noteLength = length * random.uniform(0.8, 1.5)
                notes.append(Note(start: time, length: noteLength, frequency: 110 * pow(2, Double(random.int(0..<48)) / 12),
                                  amplitude: random.uniform(0.05, 0.3), attack: 0.005, decay: noteLength / 3, timbre: timbre))
            }
            time += length
        }
    }

    /// A one-bar pattern of sixteenths for kick, snare and hat, repeated.
    mutating func addDrums(seconds: Double, beat: Double, _ random: inout SeededRandom) {
        let density = (kick: random.uniform(0.15, 0.45), snare: random.uniform(0.1, 0.35), hat: random.uniform(0.2, 0.9))
        let pattern = (0..<16).map { step in
            (kick: step == 0 || random.chance(density.kick), snare: random.chance(density.snare), hat: random.chance(density.hat))
        }
        let level = random.uniform(0.5, 1.2)
        let sixteenth = beat / 4
        for step in 0..<Int((seconds + 0.5) / sixteenth) {
            let start = Double(step) * sixteenth, slot = pattern[step % 16]
            if slot.kick { hits.append(Hit(start: start, drum: .kick, level: 0.5 * level)) }
            if slot.snare { hits.append(Hit(start: start, drum: .snare, level: 0.25 * level)) }
            if slot.hat { hits.append(Hit(start: start, drum: .hat, level: 0.1 * level * random.uniform(0.6, 1))) }
        }
    }
}

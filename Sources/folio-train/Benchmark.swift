import FolioFingerprint
import Foundation

/// B15 measurements: fingerprinting a 3-minute 44.1 kHz stereo WAV, a 12-megapixel image and a
/// 100 kB text, and distance queries over a million random codes.
enum Benchmark {
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    static func wav(seconds: Int, rate: Int) -> [UInt8] {
        var random = SeededRandom(seed: 3)
        let synth = AudioSynth()
        var samples: [Int16] = []
        while samples.count < seconds * rate * 2 {
            guard case let .audio(clip) = synth.render(synth.makeWork(&random), .init(rate: rate)) else { break }
            samples += clip.samples.flatMap { [$0, $0] }
        }
        samples = Array(samples.prefix(seconds * rate * 2))
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let data = samples.flatMap { le(Int(UInt16(bitPattern: $0)), 2) }
        let fmt = le(1, 2) + le(2, 2) + le(rate, 4) + le(rate * 4, 4) + le(4, 2) + le(16, 2)
        let body = Array("WAVE".utf8) + Array("fmt ".utf8) + le(16, 4) + fmt + Array("data".utf8) + le(data.count, 4) + data
        return Array("RIFF".utf8) + le(body.count, 4) + body
    }

    static func run(model: FingerprintModel, wavPath: String?) throws {
        let fingerprinter = Fingerprinter(model: model)
        let audio = wav(seconds: 180, rate: 44100)
        if let wavPath { try Data(audio).write(to: URL(fileURLWithPath: wavPath)) }
        let (_, audioTime) = try time { try fingerprinter.identify(audio, file: "3min.wav") }
        print(String(format: "3-minute 44.1 kHz stereo WAV: %.3f s", audioTime))
        let side = (4000, 3000)
        let pgm = Array("P5 \(side.0) \(side.1) 255\n".utf8) + (0..<side.0 * side.1).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 4000) }
        let (_, imageTime) = try time { try fingerprinter.identify(pgm, file: "12mp.pgm") }
        print(String(format: "12-megapixel PGM: %.3f s", imageTime))
        var random = SeededRandom(seed: 4)
        let synth = TextSynth(random: &random)
        var text = ""
        while text.utf8.count < 100_000 { text += synth.makeWork(&random).joined(separator: " ") + "\n" }
        let (_, textTime) = try time { try fingerprinter.identify(Array(text.utf8), file: "100k.txt") }
        print(String(format: "100 kB text: %.3f s", textTime))
        try queries(random: &random, fingerprinter: fingerprinter, sample: pgm)
    }

    static func queries(random: inout SeededRandom, fingerprinter: Fingerprinter, sample: [UInt8]) throws {
        // folio-train may import only FolioFingerprint (scripts/check-deps.sh), so FolioCore's
        // `Fingerprint` is reached through the type of a code rather than by name.
        guard let template = try? fingerprinter.identify(sample, file: "x").fingerprint else { return }
        let codeType = type(of: template)
        var index = SimilarityIndex()
        var codes: [[UInt8]] = []
        let (_, buildTime) = time {
            for i in 0..<1_000_000 {
                let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
                if i < 1000 { codes.append(bytes) }
                if let code = codeType.init(bytes: bytes) { index.insert(code, id: i) }
            }
        }
        print(String(format: "index of %d random codes built in %.1f s", index.count, buildTime))
        for d in [16, 24, 32] {
            var found = 0
            let (_, queryTime) = time {
                for bytes in codes.prefix(1000) {
                    var near = bytes
                    for k in 0..<d / 2 { near[(k * 5) % 32] ^= 1 << UInt8(k % 8) }
                    if let code = codeType.init(bytes: near) { found += index.search(code, within: d).count }
                }
            }
            print(String(format: "within %d: %.3f ms per query (%d hits for 1000 queries)", d, queryTime, found))
        }
    }
}

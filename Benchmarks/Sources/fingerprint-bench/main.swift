import CBenchImages
import FolioCore
import FolioFingerprint
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// B15 (BENCHMARKS.md): fingerprinting speed and similarity queries. One measurement per
// invocation, one JSON object per line on standard output, so scripts/bench-fingerprint.sh can
// time Chromaprint's `fpcalc` on the same WAV in the same run.
//
//   fingerprint-bench write-wav PATH        the 3-minute 44.1 kHz stereo 16-bit WAV (seeded)
//   fingerprint-bench audio PATH            read PATH and fingerprint it (file read included)
//   fingerprint-bench image                 a 4000×3000 (12 MP) PGM built in memory
//   fingerprint-bench write-image PATH      the seeded 4000×3000 colour picture as .png, .jpg or .ppm
//   fingerprint-bench image-file PATH       read PATH and fingerprint it (file read included)
//   fingerprint-bench text                  a 100 kB text built in memory
//   fingerprint-bench query [CODES] [--no-reference] [--portable]
//                                           index CODES random codes (default 1,000,000), then
//                                           1,000 queries each within 16, 24, 32, 54 and 64 bits,
//                                           timed one by one against the previous index layout
//                                           (QueryBenchmark.swift); --portable: no POPCNT

func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// (value, wall seconds, CPU seconds of the whole process — every thread — while `body` ran).
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
    let wall = wallSeconds(), cpu = cpuSeconds()
    let value = try body()
    return (value, wallSeconds() - wall, cpuSeconds() - cpu)
}

/// SplitMix64, so every run builds the same inputs.
struct Random: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Three minutes of music-like sound at 44.1 kHz, stereo, 16-bit: notes and chords of 1–4
/// harmonics with exponential decay, a little noise, the right channel a delayed, softer copy.
/// (Floating point is fine here: this only makes the input file.)
func threeMinuteWAV() -> [UInt8] {
    let rate = 44_100, seconds = 180, frames = rate * seconds
    var random = Random(state: 15)
    var mix = [Double](repeating: 0, count: frames)
    var start = 0
    while start < frames {
        let length = Int.random(in: rate / 8...rate, using: &random)
        let voices = Int.random(in: 1...3, using: &random)
        for _ in 0..<voices {
            let pitch = 110 * pow(2, Double(Int.random(in: 0...36, using: &random)) / 12)
            let harmonics = Int.random(in: 1...4, using: &random)
            let decay = Double.random(in: 1.5...6, using: &random)
            for n in 0..<min(length, frames - start) {
                let t = Double(n) / Double(rate)
                var v = 0.0
                for h in 1...harmonics { v += sin(2 * Double.pi * pitch * Double(h) * t) / Double(h) }
                mix[start + n] += 0.25 * v * exp(-decay * t)
            }
        }
        start += length
    }
    var samples = [Int16](repeating: 0, count: 2 * frames)
    for i in 0..<frames {
        let noise = Double.random(in: -0.01...0.01, using: &random)
        let left = max(-1, min(1, mix[i] + noise))
        let right = max(-1, min(1, 0.7 * (i >= 441 ? mix[i - 441] : 0) + noise))
        samples[2 * i] = Int16(left * 32767)
        samples[2 * i + 1] = Int16(right * 32767)
    }
    func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    var data = [UInt8](repeating: 0, count: 2 * samples.count)
    for (i, s) in samples.enumerated() {
        data[2 * i] = UInt8(truncatingIfNeeded: s)
        data[2 * i + 1] = UInt8(truncatingIfNeeded: s >> 8)
    }
    let fmt = le(1, 2) + le(2, 2) + le(rate, 4) + le(rate * 4, 4) + le(4, 2) + le(16, 2)
    let body = Array("WAVE".utf8) + Array("fmt ".utf8) + le(16, 4) + fmt + Array("data".utf8) + le(data.count, 4) + data
    return Array("RIFF".utf8) + le(body.count, 4) + body
}

/// A 4000×3000 (12-megapixel) RGB picture, rows top to bottom, 3 bytes a pixel: a smooth
/// two-colour gradient, 80 filled rectangles and ellipses in random colours, and ±6 levels of
/// noise, so it compresses like a photograph rather than like a flat test card.
func twelveMegapixelRGB() -> (width: Int, height: Int, rgb: [UInt8]) {
    let (w, h) = (4000, 3000)
    var random = Random(state: 12)
    var rgb = [UInt8](repeating: 0, count: w * h * 3)
    for y in 0..<h {
        for x in 0..<w {
            let p = 3 * (y * w + x)
            rgb[p] = UInt8(40 + 160 * x / w)
            rgb[p + 1] = UInt8(60 + 120 * y / h)
            rgb[p + 2] = UInt8(200 - 100 * (x + y) / (w + h))
        }
    }
    for _ in 0..<80 {
        let cx = Int.random(in: 0..<w, using: &random), cy = Int.random(in: 0..<h, using: &random)
        let rx = Int.random(in: 40...700, using: &random), ry = Int.random(in: 40...500, using: &random)
        let colour = (0..<3).map { _ in UInt8.random(in: 0...255, using: &random) }
        let ellipse = Bool.random(using: &random)
        for y in max(0, cy - ry)..<min(h, cy + ry) {
            for x in max(0, cx - rx)..<min(w, cx + rx) {
                let dx = x - cx, dy = y - cy
                if ellipse && dx * dx * ry * ry + dy * dy * rx * rx > rx * rx * ry * ry { continue }
                let p = 3 * (y * w + x)
                for c in 0..<3 { rgb[p + c] = colour[c] }
            }
        }
    }
    for i in 0..<rgb.count {
        let v = Int(rgb[i]) + Int(random.next() % 13) - 6
        rgb[i] = UInt8(max(0, min(255, v)))
    }
    return (w, h, rgb)
}

/// The whole file, read with plain `read(2)` calls straight into the array (Foundation's
/// `Data(contentsOf:)` plus a copy to `[UInt8]` took longer than fingerprinting itself).
func readFile(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw BenchError("cannot open \(path)") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw BenchError("cannot stat \(path)") }
    let size = Int(info.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        var done = 0
        while done < size {
            let got = read(fd, buffer.baseAddress! + done, size - done)
            if got <= 0 { failed = true; break }
            done += got
        }
        initialized = done
    }
    guard !failed else { throw BenchError("short read on \(path)") }
    return bytes
}

func loadModel() throws -> FingerprintModel {
    guard let id = Hash256(hex: FingerprintModel.shippedIDHex) else { throw BenchError("bad shipped id") }
    return try FingerprintModel.shipped(expectedID: id)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func report(_ name: String, wall: Double, cpu: Double, extra: String = "") {
    print("{\"benchmark\":\"\(name)\",\"wall_seconds\":\(wall),\"cpu_seconds\":\(cpu)\(extra)}")
}

func run(_ arguments: [String]) throws {
    switch arguments.first {
    case "write-wav" where arguments.count == 2:
        try Data(threeMinuteWAV()).write(to: URL(fileURLWithPath: arguments[1]))
    case "audio" where arguments.count == 2:
        let fingerprinter = Fingerprinter(model: try loadModel())
        let (identity, wall, cpu) = try timed {
            // As `folio fingerprint` does it: the file mapped, a WAV read where it lies.
            let mapped = try MappedFile(path: arguments[1])
            return try withExtendedLifetime(mapped) { try fingerprinter.identify(mapped.bytes, file: arguments[1]) }
        }
        report("folio-audio", wall: wall, cpu: cpu, extra: ",\"code\":\"\(HexCoding.encode(identity.fingerprint.bytes))\"")
    case "audio-phases" where arguments.count == 2:
        // The same work as `audio`, one phase at a time, to see where the time goes.
        let model = try loadModel()
        let (bytes, readWall, readCPU) = try timed { try readFile(arguments[1]) }
        report("phase-read-file", wall: readWall, cpu: readCPU)
        let (work, decodeWall, decodeCPU) = try timed { try MediaDecoder.decode(bytes, file: arguments[1]) }
        report("phase-decode-wav", wall: decodeWall, cpu: decodeCPU)
        let (features, featureWall, featureCPU) = try timed { try Features.extract(work) }
        report("phase-features", wall: featureWall, cpu: featureCPU, extra: ",\"steps\":\(features.count)")
        let (_, encodeWall, encodeCPU) = try timed { try model.fingerprint(features, medium: .audio) }
        report("phase-lstm", wall: encodeWall, cpu: encodeCPU)
        let (_, hashWall, hashCPU) = timed { SHA256.hash(bytes) }
        report("phase-sha256", wall: hashWall, cpu: hashCPU)
    case "audio-features" where arguments.count == 2:
        // Feature extraction alone, repeated; the fastest run is the least disturbed by other load.
        let work = try MediaDecoder.decode(try readFile(arguments[1]), file: arguments[1])
        var best = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<10 {
            let (_, wall, cpu) = try timed { try Features.extract(work) }
            best = (min(best.wall, wall), min(best.cpu, cpu))
        }
        report("features-best-of-10", wall: best.wall, cpu: best.cpu)
    case "write-image" where arguments.count == 2:
        let path = arguments[1]
        let (w, h, rgb) = twelveMegapixelRGB()
        if path.hasSuffix(".png") {
            guard bench_write_png(path, rgb, UInt32(w), UInt32(h)) == 0 else { throw BenchError("libpng could not write \(path)") }
        } else if path.hasSuffix(".jpg") {
            guard bench_write_jpeg(path, rgb, UInt32(w), UInt32(h), 90) == 0 else { throw BenchError("could not write \(path)") }
        } else if path.hasSuffix(".ppm") {
            try Data(Array("P6\n\(w) \(h)\n255\n".utf8) + rgb).write(to: URL(fileURLWithPath: path))
        } else {
            throw BenchError("write-image: PATH must end in .png, .jpg or .ppm")
        }
    case "image-file" where arguments.count == 2:
        let fingerprinter = Fingerprinter(model: try loadModel())
        let (identity, wall, cpu) = try timed {
            let bytes = try readFile(arguments[1])
            return try fingerprinter.identify(bytes, file: arguments[1])
        }
        report("folio-image-file", wall: wall, cpu: cpu, extra: ",\"code\":\"\(HexCoding.encode(identity.fingerprint.bytes))\"")
    case "image-phases" where arguments.count == 2:
        // The same work as `image-file`, one phase at a time, to see where the time goes.
        let model = try loadModel()
        let (bytes, readWall, readCPU) = try timed { try readFile(arguments[1]) }
        report("phase-read-file", wall: readWall, cpu: readCPU)
        let (work, decodeWall, decodeCPU) = try timed { try MediaDecoder.decode(bytes, file: arguments[1]) }
        report("phase-decode", wall: decodeWall, cpu: decodeCPU)
        let (features, featureWall, featureCPU) = try timed { try Features.extract(work) }
        report("phase-features", wall: featureWall, cpu: featureCPU)
        let (_, encodeWall, encodeCPU) = try timed { try model.fingerprint(features, medium: .image) }
        report("phase-lstm", wall: encodeWall, cpu: encodeCPU)
        let (_, hashWall, hashCPU) = timed { SHA256.hash(bytes) }
        report("phase-sha256", wall: hashWall, cpu: hashCPU)
    case "image" where arguments.count == 1:
        let fingerprinter = Fingerprinter(model: try loadModel())
        let (w, h) = (4000, 3000)
        var pgm = Array("P5 \(w) \(h) 255\n".utf8)
        pgm += (0..<w * h).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / w) }
        let (_, wall, cpu) = try timed { try fingerprinter.identify(pgm, file: "12mp.pgm") }
        report("folio-image-12mp", wall: wall, cpu: cpu)
    case "text" where arguments.count == 1:
        let fingerprinter = Fingerprinter(model: try loadModel())
        var random = Random(state: 4)
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dre", "pun", "sil", "ar", "eth", "go"]
        var text = ""
        while text.utf8.count < 100_000 {
            let word = (0..<Int.random(in: 1...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
            text += word + (Int.random(in: 0..<12, using: &random) == 0 ? ".\n" : " ")
        }
        let bytes = Array(text.utf8)
        let (_, wall, cpu) = try timed { try fingerprinter.identify(bytes, file: "100k.txt") }
        report("folio-text-100k", wall: wall, cpu: cpu)
    case "query":
        let options = arguments.dropFirst().filter { $0.hasPrefix("--") }
        let counts = arguments.dropFirst().filter { !$0.hasPrefix("--") }
        guard counts.count <= 1, Set(options).isSubset(of: ["--no-reference", "--portable"]) else {
            throw BenchError("usage: fingerprint-bench query [CODES] [--no-reference] [--portable]")
        }
        guard let total = counts.isEmpty ? 1_000_000 : Int(counts[0]), total >= 1000 else {
            throw BenchError("CODES must be a whole number of at least 1000")
        }
        try queryBenchmark(codes: total, reference: !options.contains("--no-reference"), portable: options.contains("--portable"))
    default:
        throw BenchError("usage: fingerprint-bench write-wav PATH | audio PATH | write-image PATH | image-file PATH | image-phases PATH | image | text | query [CODES] [--no-reference] [--portable]")
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("fingerprint-bench: \(error)\n".utf8))
    exit(1)
}

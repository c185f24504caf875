import Foundation

/// Small media files made from a seed, for tests that register works end to end: a melody as a
/// 16-bit PCM WAV (with an optional gain and noise, the "lightly altered copy" of a work) and
/// a picture as a PNG. Floating point is fine here: these are inputs, not fingerprints.
public enum SyntheticMedia {
    /// A mono 16-bit PCM WAV of `seconds` of a melody chosen by `seed`: notes of a quarter
    /// second, each a fundamental with two overtones under a short attack and decay.
    /// `gain` scales the signal; `noise` adds uniform noise of that peak amplitude (in
    /// 16-bit sample units), from its own generator so the melody is unchanged.
    public static func wav(seed: UInt64, seconds: Int = 8, rate: Int = 22_050, gain: Double = 1, noise: Double = 0) -> Data {
        var melody = SeededGenerator(seed: seed)
        var hiss = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let noteLength = rate / 4
        let count = seconds * rate
        var samples = [Int16]()
        samples.reserveCapacity(count)
        var frequency = 220.0
        for index in 0..<count {
            let position = index % noteLength
            if position == 0 {
                // A pentatonic step from A3, two octaves wide, so successive notes differ audibly.
                let steps = [0, 2, 4, 7, 9, 12, 14, 16, 19, 21, 24]
                frequency = 220 * pow(2, Double(steps[Int(melody.next() % UInt64(steps.count))]) / 12)
            }
            let t = Double(index) / Double(rate)
            let envelope = min(1, Double(position) / 200) * exp(-3 * Double(position) / Double(noteLength))
            let tone = sin(2 * .pi * frequency * t) + 0.5 * sin(4 * .pi * frequency * t) + 0.25 * sin(6 * .pi * frequency * t)
            var value = 12_000 * gain * envelope * tone
            if noise > 0 { value += noise * (Double(hiss.next() % 2_001) / 1_000 - 1) }
            samples.append(Int16(max(-32_768, min(32_767, value.rounded()))))
        }
        return wavFile(samples, rate: rate)
    }

    /// A `width`×`height` RGB PNG of soft gradients and a few discs placed by `seed`.
    public static func png(seed: UInt64, width: Int = 96, height: Int = 96) -> Data {
        var generator = SeededGenerator(seed: seed)
        let discs = (0..<5).map { _ in
            (x: Int(generator.next() % UInt64(width)), y: Int(generator.next() % UInt64(height)),
             r: 6 + Int(generator.next() % 18), colour: [UInt8(generator.next() % 256), UInt8(generator.next() % 256), UInt8(generator.next() % 256)])
        }
        var raw = [UInt8]()
        raw.reserveCapacity(height * (1 + 3 * width))
        for y in 0..<height {
            raw.append(0)  // Filter type "none" for every row.
            for x in 0..<width {
                var pixel = [UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), UInt8((x + y) * 127 / max(1, width + height))]
                for disc in discs where (x - disc.x) * (x - disc.x) + (y - disc.y) * (y - disc.y) <= disc.r * disc.r {
                    pixel = disc.colour
                }
                raw += pixel
            }
        }
        var header = [UInt8]()
        header += bigEndian32(UInt32(width)) + bigEndian32(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits per channel, truecolour, deflate, adaptive filter, no interlace.
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += pngChunk("IHDR", header) + pngChunk("IDAT", storedZlib(raw)) + pngChunk("IEND", [])
        return Data(file)
    }

    /// A canonical 44-byte-header WAV around `samples`.
    static func wavFile(_ samples: [Int16], rate: Int) -> Data {
        var bytes = [UInt8]()
        func le32(_ value: Int) { bytes += (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        func le16(_ value: Int) { bytes += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        bytes += Array("RIFF".utf8)
        le32(36 + 2 * samples.count)
        bytes += Array("WAVEfmt ".utf8)
        le32(16); le16(1); le16(1); le32(rate); le32(2 * rate); le16(2); le16(16)
        bytes += Array("data".utf8)
        le32(2 * samples.count)
        for sample in samples { le16(Int(UInt16(bitPattern: sample))) }
        return Data(bytes)
    }

    /// A zlib stream of stored (uncompressed) deflate blocks: valid for any inflater and
    /// simple enough to write here without a compressor.
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let last: UInt8 = offset + length == data.count ? 1 : 0
            out += [last, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian32(b << 16 | a)
    }

    static func pngChunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return bigEndian32(UInt32(body.count)) + typed + bigEndian32(crc32(typed))
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320) as PNG chunks use it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit and IEEE 32-bit float, mono or stereo.
///
/// Chunks are walked one by one and every declared size is checked against the bytes left in
/// the file before anything is read or allocated.
enum WAVReader {
    static func isWAV<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        bytes.count >= 12 && bytes[0..<4].elementsEqual("RIFF".utf8) && bytes[8..<12].elementsEqual("WAVE".utf8)
    }

    struct Format {
        var isFloat: Bool
        var channels: Int
        var sampleRate: Int
        var bitsPerSample: Int
        var blockAlign: Int
    }

    static func read(_ bytes: [UInt8]) throws(InputProblem) -> PCMAudio {
        let (data, format) = try dataChunk(bytes)
        return try decodeSamples(data, format: format)
    }

    /// The checked data chunk and format of a WAV file, without decoding the samples: every
    /// check `read` makes, in the same order, so both refuse the same files for the same reason.
    static func dataChunk(_ bytes: [UInt8]) throws(InputProblem) -> (ArraySlice<UInt8>, Format) {
        let (range, format) = try dataChunkRange(bytes)
        return (bytes[range], format)
    }

    /// Where the checked data chunk lies in `bytes` (an array or a mapped file), and the format:
    /// the chunk walk behind `dataChunk`, with the same checks and errors.
    static func dataChunkRange<Bytes: RandomAccessCollection>(_ bytes: Bytes) throws(InputProblem) -> (Range<Int>, Format)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var cursor = ByteCursor(bytes)
        guard try cursor.readTag(for: "RIFF header") == "RIFF" else { throw .corrupt("missing RIFF tag") }
        let riffSize = Int(try cursor.readUInt32LE(for: "RIFF header"))
        guard riffSize <= cursor.remaining else {
            throw .truncated("RIFF declares \(riffSize) bytes but \(cursor.remaining) follow")
        }
        guard try cursor.readTag(for: "RIFF header") == "WAVE" else { throw .corrupt("RIFF form is not WAVE") }
        let end = 8 + riffSize
        var format: Format?
        while cursor.offset + 8 <= end {
            let tag = try cursor.readTag(for: "chunk header")
            let size = Int(try cursor.readUInt32LE(for: "chunk header"))
            guard size <= end - cursor.offset else {
                throw .truncated("chunk '\(printable(tag))' declares \(size) bytes but \(end - cursor.offset) remain")
            }
            switch tag {
            case "fmt ":
                format = try readFormat(ByteCursor(Array(try cursor.readBytes(size, for: "fmt chunk"))))
            case "data":
                guard let format else { throw .corrupt("data chunk comes before the fmt chunk") }
                let start = cursor.offset
                try cursor.skip(size, for: "data chunk")
                _ = try frameCount(byteCount: size, format: format)
                return (start..<start + size, format)
            default:
                try cursor.skip(size, for: "chunk '\(printable(tag))'")
            }
            if size % 2 == 1, cursor.offset < end { try cursor.skip(1, for: "chunk padding") }
        }
        throw format == nil ? .corrupt("no fmt chunk") : .corrupt("no data chunk")
    }

    static func readFormat(_ chunk: ByteCursor<[UInt8]>) throws(InputProblem) -> Format {
        var cursor = chunk
        let what = "fmt chunk"
        var tag = try cursor.readUInt16LE(for: what)
        let channels = Int(try cursor.readUInt16LE(for: what))
        let sampleRate = Int(try cursor.readUInt32LE(for: what))
        _ = try cursor.readUInt32LE(for: what)  // byte rate: derived, not trusted
        let blockAlign = Int(try cursor.readUInt16LE(for: what))
        let bits = Int(try cursor.readUInt16LE(for: what))
        if tag == 0xFFFE {  // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the real tag
            let extra = Int(try cursor.readUInt16LE(for: "fmt extension"))
            guard extra >= 22 else { throw .corrupt("extensible fmt chunk is \(extra) bytes, needs 22") }
            try cursor.skip(6, for: "fmt extension")
            tag = try cursor.readUInt16LE(for: "fmt extension")
        }
        guard tag == 1 || tag == 3 else { throw .unsupported("WAV encoding \(tag) (only PCM and IEEE float)") }
        let isFloat = tag == 3
        guard channels == 1 || channels == 2 else { throw .unsupported("\(channels) channels (only mono or stereo)") }
        guard InputLimits.sampleRates.contains(sampleRate) else { throw .unsupported("sample rate \(sampleRate) Hz") }
        let valid = isFloat ? bits == 32 : [8, 16, 24, 32].contains(bits)
        guard valid else { throw .unsupported("\(bits)-bit \(isFloat ? "float" : "PCM") samples") }
        guard blockAlign == channels * bits / 8 else {
            throw .corrupt("block align \(blockAlign) does not match \(channels) × \(bits)-bit samples")
        }
        return Format(isFloat: isFloat, channels: channels, sampleRate: sampleRate, bitsPerSample: bits,
                      blockAlign: blockAlign)
    }

    /// Sample frames in a data chunk; throws unless it is a whole number of frames, at least
    /// one and at most the cap.
    static func frameCount(_ data: ArraySlice<UInt8>, format: Format) throws(InputProblem) -> Int {
        try frameCount(byteCount: data.count, format: format)
    }

    /// Sample frames in a data chunk of `byteCount` bytes, with the checks of `frameCount(_:format:)`.
    static func frameCount(byteCount: Int, format: Format) throws(InputProblem) -> Int {
        guard byteCount % format.blockAlign == 0 else {
            throw .truncated("data chunk ends inside a sample frame")
        }
        let frames = byteCount / format.blockAlign
        guard frames <= InputLimits.maxAudioFrames else {
            throw .tooLarge("\(frames) sample frames (cap \(InputLimits.maxAudioFrames))")
        }
        guard frames > 0 else { throw .corrupt("data chunk holds no samples") }
        return frames
    }

    static func decodeSamples(_ data: ArraySlice<UInt8>, format: Format) throws(InputProblem) -> PCMAudio {
        let frames = try frameCount(data, format: format)
        let width = format.bitsPerSample / 8
        let count = frames * format.channels
        let isFloat = format.isFloat
        // One loop per sample width, little-endian; the data chunk holds exactly `count · width`
        // bytes (checked above). 8-bit is unsigned around 128; 24- and 32-bit PCM keep their top
        // 16 bits (a floor shift); float goes through `floatBitsToInt16`.
        let samples = data.withUnsafeBufferPointer { buffer in
            [Int16](unsafeUninitializedCapacity: count) { out, initialized in
                let bytes = buffer.baseAddress.unsafelyUnwrapped
                switch width {
                case 1:
                    for i in 0..<count { out[i] = Int16(Int(bytes[i]) - 128) << 8 }
                case 2:
                    for i in 0..<count {
                        out[i] = Int16(bitPattern: UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8)
                    }
                case 3:
                    for i in 0..<count {
                        out[i] = Int16(bitPattern: UInt16(bytes[3 * i + 1]) | UInt16(bytes[3 * i + 2]) << 8)
                    }
                default:
                    for i in 0..<count {
                        let p = bytes + 4 * i
                        let bits = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
                        out[i] = isFloat ? floatBitsToInt16(bits) : Int16(bitPattern: UInt16(bits >> 16))
                    }
                }
                initialized = count
            }
        }
        return PCMAudio(sampleRate: format.sampleRate, channels: format.channels, samples: samples)
    }

    /// Converts IEEE-754 binary32 bits to a 16-bit sample (value × 32768, truncated toward zero,
    /// clamped) using only integer operations. NaN becomes 0; infinities clamp.
    static func floatBitsToInt16(_ bits: UInt32) -> Int16 {
        let negative = bits >> 31 == 1
        let exponent = Int((bits >> 23) & 0xFF)
        if exponent == 0xFF && bits & 0x7F_FFFF != 0 { return 0 }
        guard exponent != 0 else { return 0 }  // subnormals are far below one 16-bit step
        let mantissa = Int64(bits & 0x7F_FFFF | 0x80_0000)
        // value = mantissa × 2^(exponent − 150); × 2^15 → shift by exponent − 135.
        let shift = exponent - 135
        let magnitude: Int64 = shift >= 0 ? (shift > 16 ? Int64.max : mantissa << shift) : (shift < -40 ? 0 : mantissa >> -shift)
        let signed = negative ? -min(magnitude, 32768) : min(magnitude, 32767)
        return Int16(signed)
    }

    private static func printable(_ tag: String) -> String {
        String(tag.unicodeScalars.map { $0.value >= 32 && $0.value < 127 ? Character($0) : "?" })
    }
}

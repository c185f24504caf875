/// PCM audio as read from a file: interleaved signed 16-bit samples.
///
/// Wider samples are narrowed with a floor shift and float samples are converted with integer
/// operations on their bits, so every machine gets the same values.
public struct PCMAudio: Equatable, Sendable {
    /// Sample frames per second.
    public let sampleRate: Int
    /// 1 (mono) or 2 (stereo).
    public let channels: Int
    /// Interleaved samples, `channels` per frame.
    public let samples: [Int16]

    /// Number of sample frames.
    public var frameCount: Int { samples.count / channels }
}

/// An 8-bit greyscale image, rows top to bottom.
public struct GreyImage: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height` luma values, row-major.
    public let pixels: [UInt8]

    /// Luma with BT.601 weights in 1/256 units (77 + 150 + 29 = 256), rounded to nearest.
    static func luma(red: Int, green: Int, blue: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (77 * red + 150 * green + 29 * blue + 128) >> 8)
    }
}

extension PCMAudio {
    /// Wraps samples; `channels` must be 1 or 2 and divide the sample count.
    public static func checked(sampleRate: Int, channels: Int, samples: [Int16]) -> PCMAudio? {
        guard channels == 1 || channels == 2, samples.count % channels == 0, sampleRate > 0 else { return nil }
        return PCMAudio(sampleRate: sampleRate, channels: channels, samples: samples)
    }
}

extension GreyImage {
    /// Wraps pixels; `nil` unless there are exactly `width * height` of them and both are positive.
    public static func checked(width: Int, height: Int, pixels: [UInt8]) -> GreyImage? {
        guard width > 0, height > 0, pixels.count == width * height else { return nil }
        return GreyImage(width: width, height: height, pixels: pixels)
    }
}

/// A work read from a file, by medium.
public enum DecodedWork: Equatable, Sendable {
    /// Sound, from WAV.
    case audio(PCMAudio)
    /// A picture, from PNG, JPEG or PPM/PGM, already greyscale.
    case image(GreyImage)
    /// Writing, from UTF-8 text (a leading byte-order mark removed).
    case text(String)
}

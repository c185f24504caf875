/// Why a file could not be read as a work. Every reader failure is one of these, with the file
/// named, so `folio fingerprint` can say what went wrong and what to do next.
public struct FingerprintInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name (or other label) the caller gave for the bytes.
    public let file: String
    /// What is wrong with the bytes.
    public let problem: InputProblem

    /// Pairs a problem with the file it was found in.
    public init(file: String, problem: InputProblem) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// What is wrong with an input file, independent of its name.
public enum InputProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes match no format Folio reads (WAV, PNG, JPEG, PPM/PGM, UTF-8 text).
    case unknownFormat
    /// The file is empty.
    case empty
    /// The file ended before a structure it declares (named) was complete.
    case truncated(String)
    /// The file is well formed but uses a variant Folio does not read (named).
    case unsupported(String)
    /// The file breaks its format's rules (named).
    case corrupt(String)
    /// The file declares more content than Folio accepts (named, with the cap).
    case tooLarge(String)

    public var description: String {
        switch self {
        case .unknownFormat:
            return "not a WAV, PNG, JPEG, PPM/PGM or UTF-8 text file; convert it to one of these"
        case .empty: return "the file is empty"
        case let .truncated(what): return "the file is truncated: \(what); the copy may be incomplete"
        case let .unsupported(what): return "unsupported variant: \(what); convert the file first"
        case let .corrupt(what): return "the file is corrupt: \(what)"
        case let .tooLarge(what): return "too large: \(what)"
        }
    }
}

/// Caps on what a reader will allocate for one work, checked before allocating.
enum InputLimits {
    /// Largest image accepted (pixels); a 12-megapixel photo fits with room to spare.
    static let maxImagePixels = 80_000_000
    /// Largest image side accepted (pixels).
    static let maxImageSide = 65_535
    /// Longest audio accepted, in sample frames (a little over 3 hours at 48 kHz).
    static let maxAudioFrames = 600_000_000
    /// Highest and lowest sample rate accepted (Hz).
    static let sampleRates = 1_000...768_000
    /// Largest text accepted (bytes).
    static let maxTextBytes = 32 << 20
    /// Largest file, other than a WAV, copied into memory for its reader: above every other cap
    /// in practice (a 16-bit PPM of 80 megapixels is 480 MB), so a bigger file is refused before
    /// it is copied rather than after.
    static let maxCopiedFileBytes = 2 << 30
}

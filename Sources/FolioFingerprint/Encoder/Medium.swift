/// The three kinds of work Folio fingerprints; each has its own encoder in a model file.
public enum Medium: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    /// Sound (WAV).
    case audio = 0
    /// Pictures (PNG, JPEG, PPM/PGM).
    case image = 1
    /// Writing (UTF-8 text).
    case text = 2

    public var description: String {
        switch self {
        case .audio: "audio"
        case .image: "image"
        case .text: "text"
        }
    }
}

extension DecodedWork {
    /// The medium of this work.
    public var medium: Medium {
        switch self {
        case .audio: .audio
        case .image: .image
        case .text: .text
        }
    }
}

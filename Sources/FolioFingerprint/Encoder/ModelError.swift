/// Why a model file was refused. A node refuses to fingerprint with a model it cannot verify.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not start with `FOLIOFPM`.
    case badMagic
    /// The file's format version is not one this build reads.
    case unsupportedVersion(Int)
    /// The file ended inside the named part.
    case truncated(String)
    /// Bytes follow the last encoder.
    case trailingBytes(Int)
    /// A size or shape field is out of range (named).
    case invalidShape(String)
    /// The file lacks an encoder for a medium, or has one twice.
    case media(String)
    /// An encoder needs a feature revision this build does not compute.
    case unsupportedFeatureRevision(medium: String, revision: Int)
    /// The file's SHA-256 is not the model id that was asked for.
    case idMismatch(expected: String, actual: String)
    /// The shipped model resource could not be found or read.
    case resourceMissing(String)

    public var description: String {
        switch self {
        case .badMagic: "not a Folio fingerprint model (bad magic)"
        case let .unsupportedVersion(v): "model format version \(v) is not supported; upgrade Folio"
        case let .truncated(part): "model file truncated in \(part)"
        case let .trailingBytes(n): "model file has \(n) bytes after its last encoder"
        case let .invalidShape(what): "model shape invalid: \(what)"
        case let .media(what): "model media invalid: \(what)"
        case let .unsupportedFeatureRevision(medium, revision):
            "model's \(medium) encoder needs feature revision \(revision), which this build does not compute; upgrade Folio"
        case let .idMismatch(expected, actual):
            "model id mismatch: expected \(expected), file hashes to \(actual); the file is not the accepted model"
        case let .resourceMissing(name): "shipped model '\(name)' missing from the bundle; reinstall Folio"
        }
    }
}

import FolioCore

/// What Folio records about a work's content: the perceptual fingerprint, the model that made
/// it, the medium and the SHA-256 of the exact bytes.
public struct WorkIdentity: Equatable, Sendable {
    /// The 256-bit perceptual code.
    public let fingerprint: Fingerprint
    /// SHA-256 of the model file used.
    public let modelID: Hash256
    /// Which encoder was used.
    public let medium: Medium
    /// SHA-256 of the file's bytes.
    public let contentHash: Hash256
}

/// Why a work could not be fingerprinted.
public enum FingerprintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read as a work.
    case input(FingerprintInputError)
    /// The model could not produce a code.
    case model(ModelError)

    public var description: String {
        switch self {
        case let .input(error): "\(error)"
        case let .model(error): "\(error)"
        }
    }
}

/// Bytes in, identity out: reader, features and encoder in one call.
public struct Fingerprinter: Sendable {
    /// The model every code is computed with.
    public let model: FingerprintModel

    /// Uses `model` for every work.
    public init(model: FingerprintModel) { self.model = model }

    /// Reads `bytes` (named `file` in errors), extracts features and encodes them.
    public func identify(_ bytes: [UInt8], file: String) throws(FingerprintError) -> WorkIdentity {
        let work: DecodedWork
        let features: FeatureSequence
        do {
            work = try MediaDecoder.decode(bytes, file: file)
            features = try Features.extract(work)
        } catch let error as FingerprintInputError {
            throw .input(error)
        } catch let problem as InputProblem {
            throw .input(FingerprintInputError(file: file, problem: problem))
        } catch {
            throw .input(FingerprintInputError(file: file, problem: .unknownFormat))
        }
        do {
            return WorkIdentity(fingerprint: try model.fingerprint(features, medium: work.medium), modelID: model.id,
                                medium: work.medium, contentHash: SHA256.hash(bytes))
        } catch {
            throw .model(error)
        }
    }
}

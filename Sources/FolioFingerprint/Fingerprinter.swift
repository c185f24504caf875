import Dispatch
import FolioCore
import Foundation

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
    ///
    /// For large files the content SHA-256 is computed on another thread while the work is
    /// decoded and encoded; the two share nothing but the input bytes, so the result is the same.
    public func identify(_ bytes: [UInt8], file: String) throws(FingerprintError) -> WorkIdentity {
        guard bytes.count >= Self.concurrentHashThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let (fingerprint, medium) = try code(bytes, file: file)
            return WorkIdentity(fingerprint: fingerprint, modelID: model.id, medium: medium,
                                contentHash: SHA256.hash(bytes))
        }
        let slots = Slots()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                slots.hash = SHA256.hash(bytes)
            } else {
                slots.result = Result { () throws(FingerprintError) in try code(bytes, file: file) }
            }
        }
        guard let result = slots.result, let contentHash = slots.hash else { preconditionFailure("both parts ran") }
        let (fingerprint, medium) = try result.get()
        return WorkIdentity(fingerprint: fingerprint, modelID: model.id, medium: medium, contentHash: contentHash)
    }

    /// Files from this size up hash on a second thread (below it a thread costs more than it saves).
    static let concurrentHashThreshold = 1 << 20

    /// Each field written by one `concurrentPerform` iteration, read after it returns (which
    /// orders the writes before the reads).
    private final class Slots: @unchecked Sendable {
        var hash: Hash256?
        var result: Result<(Fingerprint, Medium), FingerprintError>?
    }

    /// The fingerprint and medium of `bytes`.
    private func code(_ bytes: [UInt8], file: String) throws(FingerprintError) -> (Fingerprint, Medium) {
        let medium: Medium
        let features: FeatureSequence
        do {
            if bytes.starts(with: "RIFF".utf8), WAVReader.isWAV(bytes) {
                // WAV without a decoded copy of the samples: the same checks, errors and
                // features as `MediaDecoder.decode` followed by `Features.extract`.
                let (data, format) = try MediaDecoder.wrapping(file) { () throws(InputProblem) in
                    try WAVReader.dataChunk(bytes)
                }
                features = try AudioFeatures.extract(wavData: data, format: format)
                medium = .audio
            } else {
                let work = try MediaDecoder.decode(bytes, file: file)
                features = try Features.extract(work, revision: model.featureRevision(work.medium))
                medium = work.medium
            }
        } catch let error as FingerprintInputError {
            throw .input(error)
        } catch let problem as InputProblem {
            throw .input(FingerprintInputError(file: file, problem: problem))
        } catch {
            throw .input(FingerprintInputError(file: file, problem: .unknownFormat))
        }
        do {
            return (try model.fingerprint(features, medium: medium), medium)
        } catch {
            throw .model(error)
        }
    }
}

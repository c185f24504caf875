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
        try identify(byteCount: bytes.count, hash: { SHA256.hash(bytes) }) { () throws(FingerprintError) in
            try code(bytes, file: file)
        }
    }

    /// The same identity from bytes held outside an array, such as a mapped file (`MappedFile`):
    /// a WAV is read where it lies, so a long recording is never copied; any other input is
    /// copied into an array first (its reader takes one), unless it is over
    /// `InputLimits.maxCopiedFileBytes`, which is refused as too large without a copy. `bytes`
    /// must stay valid until this returns.
    public func identify(_ bytes: UnsafeRawBufferPointer, file: String) throws(FingerprintError) -> WorkIdentity {
        guard WAVReader.isWAV(bytes) else {
            guard bytes.count <= InputLimits.maxCopiedFileBytes else {
                throw .input(FingerprintInputError(file: file, problem: .tooLarge("\(bytes.count) bytes (cap \(InputLimits.maxCopiedFileBytes) for any file but a WAV)")))
            }
            return try identify(Array(bytes), file: file)
        }
        let shared = ConcurrentShare(bytes)
        return try identify(byteCount: bytes.count, hash: { SHA256.hash(shared.value) }) { () throws(FingerprintError) in
            try wavCode(shared.value, file: file)
        }
    }

    /// `code` and `hash`, on two threads for inputs of `concurrentHashThreshold` bytes or more.
    private func identify(byteCount: Int, hash: @escaping @Sendable () -> Hash256,
                          code: @escaping @Sendable () throws(FingerprintError) -> (Fingerprint, Medium)) throws(FingerprintError) -> WorkIdentity {
        guard byteCount >= Self.concurrentHashThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let (fingerprint, medium) = try code()
            return WorkIdentity(fingerprint: fingerprint, modelID: model.id, medium: medium, contentHash: hash())
        }
        let slots = Slots()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                slots.hash = hash()
            } else {
                slots.result = Result { () throws(FingerprintError) in try code() }
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

    /// The fingerprint and medium of a WAV file held in `bytes`: the checks, errors and features
    /// of the array path's WAV branch, reading the samples in place.
    private func wavCode(_ bytes: UnsafeRawBufferPointer, file: String) throws(FingerprintError) -> (Fingerprint, Medium) {
        try encoded(file: file) { () throws(FingerprintInputError) -> (FeatureSequence, Medium) in
            let (range, format) = try MediaDecoder.wrapping(file) { () throws(InputProblem) in try WAVReader.dataChunkRange(bytes) }
            let features = try MediaDecoder.wrapping(file) { () throws(InputProblem) in
                try AudioFeatures.extract(wavData: UnsafeRawBufferPointer(rebasing: bytes[range]), format: format)
            }
            return (features, .audio)
        }
    }

    /// The fingerprint and medium of `bytes`.
    private func code(_ bytes: [UInt8], file: String) throws(FingerprintError) -> (Fingerprint, Medium) {
        try encoded(file: file) { () throws(FingerprintInputError) -> (FeatureSequence, Medium) in
            if bytes.starts(with: "RIFF".utf8), WAVReader.isWAV(bytes) {
                // WAV without a decoded copy of the samples: the same checks, errors and
                // features as `MediaDecoder.decode` followed by `Features.extract`.
                let (data, format) = try MediaDecoder.wrapping(file) { () throws(InputProblem) in
                    try WAVReader.dataChunk(bytes)
                }
                let features = try MediaDecoder.wrapping(file) { () throws(InputProblem) in
                    try AudioFeatures.extract(wavData: data, format: format)
                }
                return (features, .audio)
            }
            let work = try MediaDecoder.decode(bytes, file: file)
            let features = try MediaDecoder.wrapping(file) { () throws(InputProblem) in
                try Features.extract(work, revision: model.featureRevision(work.medium))
            }
            return (features, work.medium)
        }
    }

    /// The code of the features `body` reads, with its input errors and the model's wrapped.
    private func encoded(file: String, _ body: () throws(FingerprintInputError) -> (FeatureSequence, Medium)) throws(FingerprintError) -> (Fingerprint, Medium) {
        let features: FeatureSequence, medium: Medium
        do {
            (features, medium) = try body()
        } catch {
            throw .input(error)
        }
        do {
            return (try model.fingerprint(features, medium: medium), medium)
        } catch {
            throw .model(error)
        }
    }
}

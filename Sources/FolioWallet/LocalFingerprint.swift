import Dispatch
import FolioCore
import FolioFingerprint
import Foundation

/// A work's identity computed on this machine, for `folio fingerprint` and before registering.
public struct LocalFingerprint: Sendable, Equatable, Encodable {
    /// The file fingerprinted.
    public let file: String
    /// `audio`, `image` or `text`.
    public let medium: String
    /// The 256-bit perceptual code in hex.
    public let fingerprint: String
    /// SHA-256 of the model file.
    public let modelId: String
    /// SHA-256 of the file's bytes.
    public let contentHash: String

    /// The typed identity behind the text fields, for building a registration.
    public let identity: WorkIdentity
    /// Where the time went, in milliseconds.
    public let timing: FingerprintTiming

    private enum CodingKeys: String, CodingKey { case file, medium, fingerprint, modelId, contentHash, timing }

    /// Reads `file` and fingerprints it with the model file at `modelPath`, or with the model
    /// shipped in this build when `modelPath` is nil.
    public static func compute(file: String, modelPath: String?) throws(WalletError) -> LocalFingerprint {
        let started = DispatchTime.now()
        let model = if let modelPath { try loadModel(modelPath) } else { try shippedModel() }
        let modelLoaded = DispatchTime.now()
        // Mapped, not read: a long WAV is then fingerprinted where it lies, with no copy.
        let mapped: MappedFile
        do { mapped = try MappedFile(path: file) } catch {
            throw .usage("cannot read \(file): \(error.reason). Check the path and its permissions.")
        }
        defer { withExtendedLifetime(mapped) {} }  // the buffer must outlive identify
        let read = DispatchTime.now()
        let identity: WorkIdentity
        do {
            identity = try Fingerprinter(model: model).identify(mapped.bytes, file: file)
        } catch {
            throw WalletError(code: "fingerprint-failed", exit: .refused,
                              message: "could not fingerprint \(file): \(error). Check that it is a WAV, PNG, JPEG, PPM or UTF-8 text file.")
        }
        let done = DispatchTime.now()
        let timing = FingerprintTiming(modelMs: milliseconds(from: started, to: modelLoaded), readMs: milliseconds(from: modelLoaded, to: read),
                                       fingerprintMs: milliseconds(from: read, to: done), totalMs: milliseconds(from: started, to: done))
        return LocalFingerprint(file: file, medium: identity.medium.description,
                                fingerprint: HexCoding.encode(identity.fingerprint.bytes),
                                modelId: identity.modelID.hex, contentHash: identity.contentHash.hex, identity: identity,
                                timing: timing)
    }

    /// The chain's media type for this work's medium.
    public var mediaType: MediaType {
        switch identity.medium {
        case .audio: .audio
        case .image: .image
        case .text: .text
        }
    }

    private static func milliseconds(from start: DispatchTime, to end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    private static func loadModel(_ path: String) throws(WalletError) -> FingerprintModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage("cannot read the model file \(path). Check --model.")
        }
        do { return try FingerprintModel(fileBytes: Array(data)) } catch {
            throw WalletError(code: "fingerprint-failed", exit: .refused, message: "\(path) is not a Folio model file: \(error).")
        }
    }

    /// The model shipped with this build; its id is checked so a damaged install is caught
    /// here rather than as a wrong-model refusal from the node.
    private static func shippedModel() throws(WalletError) -> FingerprintModel {
        do {
            return try FingerprintModel.shipped(expectedID: Hash256(hex: FingerprintModel.shippedIDHex) ?? .zero)
        } catch {
            throw WalletError(code: "fingerprint-failed", exit: .refused,
                              message: "the fingerprint model shipped with folio cannot be used: \(error). Pass --model FILE, or reinstall Folio.")
        }
    }
}

/// Wall-clock milliseconds of `folio fingerprint`'s stages, as `--json` reports them.
public struct FingerprintTiming: Sendable, Equatable, Encodable {
    /// Loading the model file and checking its SHA-256.
    public let modelMs: Double
    /// Opening and mapping the work's file.
    public let readMs: Double
    /// Decoding, features, encoder and the content SHA-256.
    public let fingerprintMs: Double
    /// All of it, from the start of the model load.
    public let totalMs: Double
}

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

    /// Reads `file` and fingerprints it with the model file at `modelPath`.
    public static func compute(file: String, modelPath: String) throws(WalletError) -> LocalFingerprint {
        guard let modelData = FileManager.default.contents(atPath: modelPath) else {
            throw .usage("cannot read the model file \(modelPath). Check --model.")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .usage("cannot read \(file). Check the path and its permissions.")
        }
        let identity: WorkIdentity
        do {
            let model = try FingerprintModel(fileBytes: Array(modelData))
            identity = try Fingerprinter(model: model).identify(Array(data), file: file)
        } catch {
            throw WalletError(code: "fingerprint-failed", exit: .refused,
                              message: "could not fingerprint \(file): \(error). Check that it is a WAV, PNG, JPEG, PPM or UTF-8 text file and that --model is a Folio model file.")
        }
        return LocalFingerprint(file: file, medium: identity.medium.description,
                                fingerprint: HexCoding.encode(identity.fingerprint.bytes),
                                modelId: identity.modelID.hex, contentHash: identity.contentHash.hex)
    }
}

import FolioCore
import FolioFingerprint

/// Fingerprints uploaded files with the model shipped in this build, loaded on first use.
final class FileMatcher: Sendable {
    private let model: Result<FingerprintModel, ModelError>

    init() {
        let expected = Hash256(hex: FingerprintModel.shippedIDHex) ?? .zero
        model = Result { () throws(ModelError) in try FingerprintModel.shipped(expectedID: expected) }
    }

    /// The file's fingerprint and medium name, or a message saying why there is none.
    func fingerprint(_ bytes: [UInt8], fileName: String) throws(MatchError) -> (fingerprint: Fingerprint, medium: String) {
        let model: FingerprintModel
        switch self.model {
        case let .success(loaded): model = loaded
        case let .failure(error): throw MatchError(text: "this node's fingerprint model is unavailable: \(error)")
        }
        do {
            let identity = try Fingerprinter(model: model).identify(bytes, file: fileName.isEmpty ? "upload" : fileName)
            return (identity.fingerprint, identity.medium.description)
        } catch {
            throw MatchError(text: "\(error). The explorer reads WAV, PNG, JPEG, PPM/PGM and UTF-8 text files.")
        }
    }
}

/// Why an uploaded file has no fingerprint.
struct MatchError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

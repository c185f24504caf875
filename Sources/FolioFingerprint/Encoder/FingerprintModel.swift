import FolioCore
import Foundation

/// A loaded, verified fingerprint model: one encoder per medium and the model id, which is the
/// SHA-256 of the model file.
public struct FingerprintModel: Sendable {
    /// SHA-256 of the model file; the chain records it beside every fingerprint.
    public let id: Hash256
    let encoders: [Medium: LSTMEncoder]

    /// Parses `fileBytes` and, when `expectedID` is given, refuses a file whose SHA-256 differs.
    public init(fileBytes: [UInt8], expectedID: Hash256? = nil) throws(ModelError) {
        let actual = SHA256.hash(fileBytes)
        if let expectedID, expectedID != actual {
            throw .idMismatch(expected: "\(expectedID)", actual: "\(actual)")
        }
        id = actual
        encoders = try ModelFile.decode(fileBytes).mapValues { LSTMEncoder(weights: $0) }
    }

    /// File name of the model shipped in `Models/`.
    public static let shippedFileName = "folio-fp-v1.model"

    /// SHA-256 of the shipped model file; genesis files name this id to accept the model. Made
    /// by `folio-train --seed 1 --media audio --base FIRST --steps 300 --batch 24 --pool-size 300
    /// --calibration-works 400` (a new audio encoder; image and text copied from FIRST, the first
    /// model, `f363a4ff…7197d`); docs/fingerprint.md, "Training".
    public static let shippedIDHex = "995b3df1fc68874014305ba09de7cd1be4a8d9e0535c2d50d7a087529027fab6"

    /// The model shipped with this build, checked against `expectedID`.
    public static func shipped(expectedID: Hash256) throws(ModelError) -> FingerprintModel {
        guard let url = Bundle.module.url(forResource: shippedFileName, withExtension: nil, subdirectory: "Models"),
              let data = try? Data(contentsOf: url) else {
            throw .resourceMissing(shippedFileName)
        }
        return try FingerprintModel(fileBytes: Array(data), expectedID: expectedID)
    }

    /// The 256-bit fingerprint of `features` as a work of `medium`.
    ///
    /// `ModelFile.decode` guarantees an encoder per medium and 256-bit codes, so the error is
    /// unreachable for a loaded model; it is thrown rather than trapped on all the same.
    public func fingerprint(_ features: FeatureSequence, medium: Medium) throws(ModelError) -> Fingerprint {
        guard let encoder = encoders[medium] else { throw .media("no \(medium) encoder") }
        guard let code = Fingerprint(bytes: encoder.code(features)) else { throw .invalidShape("code length") }
        return code
    }
}

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

    /// SHA-256 of the shipped model file; genesis files name this id to accept the model.
    /// `99a26c68…195f` is `f57f30c9…85ba` with its image encoder's hyperplanes redrawn so that
    /// the first 96 bits each read one pooled DCT coefficient (`folio-train --recalibrate --media
    /// image --ridge 0.01 --calibration-works 400 --calibration-kinds overlay --pool-inputs true
    /// --coefficient-bits 96`; the LSTMs and the audio and text encoders byte for byte kept).
    /// docs/fingerprint.md, "The shipped model", gives every step back to the first model.
    public static let shippedIDHex = "99a26c68db2e39d97cba15cbb150225cf2f3c118614f2d976ce357a4e487195f"

    /// The model shipped with this build, checked against `expectedID`.
    public static func shipped(expectedID: Hash256) throws(ModelError) -> FingerprintModel {
        guard let url = Bundle.module.url(forResource: shippedFileName, withExtension: nil, subdirectory: "Models"),
              let data = try? Data(contentsOf: url) else {
            throw .resourceMissing(shippedFileName)
        }
        return try FingerprintModel(fileBytes: Array(data), expectedID: expectedID)
    }

    /// The feature revision the `medium` encoder takes (0 for a medium the model lacks, which
    /// `ModelFile.decode` never lets happen).
    public func featureRevision(_ medium: Medium) -> UInt8 { encoders[medium]?.weights.featureRevision ?? 0 }

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

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
    /// `b5e1094f…8420` with its image encoder's hyperplanes redrawn against overlaid copies too
    /// (`folio-train --recalibrate --media image --ridge 0.01 --calibration-works 400
    /// --calibration-kinds overlay`; the LSTMs and the audio and text encoders byte for byte kept).
    /// `b5e1094f…8420` is `b3224027…7d13` with its image encoder retrained to pool over 8 segments
    /// (`folio-train --seed 1 --media image --pooling-segments 8 --steps 300 --batch 24
    /// --pool-size 300 --calibration-works 400 --ridge 0.01`; audio and text byte for byte kept).
    /// `b3224027…7d13` is `82a57f30…90e7` with its text encoder's hyperplanes redrawn on text
    /// feature revision 1 (`folio-train --recalibrate --media text --ridge 0.01 --calibration-works 400`). That is the
    /// audio encoder of `995b3df1…fab6` (`folio-train --seed 1 --media audio --base FIRST --steps
    /// 300 --batch 24 --pool-size 300 --calibration-works 400`, FIRST the first model
    /// `f363a4ff…7197d`), with image and text encoders retrained from it (`--media image`, then
    /// `--media text`, each `--steps 300 --batch 24 --pool-size 300 --calibration-works 400`),
    /// their hyperplanes then redrawn with `--recalibrate --media image,text --ridge 0.01`;
    /// docs/fingerprint.md, "Training".
    public static let shippedIDHex = "f57f30c9d6d4ee9f86a5afaa48bfcb74fe6586b778956cd674e3928f5d6885ba"

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

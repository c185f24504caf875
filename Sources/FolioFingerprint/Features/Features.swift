/// Feature extraction for any decoded work.
public enum Features {
    /// The feature sequence of `work`; throws `InputProblem` for content with nothing to
    /// fingerprint (text without words).
    public static func extract(_ work: DecodedWork) throws(InputProblem) -> FeatureSequence {
        switch work {
        case let .audio(audio): return AudioFeatures.extract(audio)
        case let .image(image): return ImageFeatures.extract(image)
        case let .text(text): return try TextFeatures.extract(text)
        }
    }
}

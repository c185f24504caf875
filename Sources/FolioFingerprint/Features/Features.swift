/// Feature extraction for any decoded work.
///
/// A medium's features have numbered revisions. The model file records, per encoder, the
/// revision it was trained or calibrated on, so a model id fixes the whole path from bytes to
/// bits: a build that changes a medium's features adds a revision and keeps the old ones.
public enum Features {
    /// The newest feature revision this build computes for `medium`; training uses it.
    ///
    /// Text 1 (2026-12-07): two-word shingles instead of three, and "." or "," between a word
    /// character and the next one joins rather than separates ("3.1.2", "1,000", "e.g").
    public static func latestRevision(_ medium: Medium) -> UInt8 {
        switch medium {
        case .audio, .image: 0
        case .text: 2
        }
    }

    /// The feature sequence of `work` at the newest revision of its medium; throws
    /// `InputProblem` for content with nothing to fingerprint (text without words).
    public static func extract(_ work: DecodedWork) throws(InputProblem) -> FeatureSequence {
        try extract(work, revision: latestRevision(work.medium))
    }

    /// The feature sequence of `work` at `revision` (at most `latestRevision` of its medium,
    /// which `ModelFile.decode` checks for every encoder it loads; a newer one reads as the latest).
    public static func extract(_ work: DecodedWork, revision: UInt8) throws(InputProblem) -> FeatureSequence {
        switch work {
        case let .audio(audio): return AudioFeatures.extract(audio)
        case let .image(image): return ImageFeatures.extract(image)
        case let .text(text): return try TextFeatures.extract(text, revision: revision)
        }
    }
}

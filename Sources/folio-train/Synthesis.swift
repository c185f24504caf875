import FolioFingerprint

/// Makes synthetic works of one medium and transformed copies of them. `transformed` with a
/// named kind applies that one transform (for per-transform scores); with `nil` it applies a
/// random mix (for training).
protocol WorkSynthesiser {
    associatedtype Work
    var medium: Medium { get }
    var transforms: [String] { get }
    func makeWork(_ random: inout SeededRandom) -> Work
    func original(_ work: Work) -> DecodedWork
    func transformed(_ work: Work, kind: String?, _ random: inout SeededRandom) -> DecodedWork
}

extension WorkSynthesiser {
    /// Features as Double (Q12 / 4096), via FolioFingerprint's integer extraction.
    func features(_ work: DecodedWork) -> [Double] {
        guard let sequence = try? Features.extract(work) else { return [Double](repeating: 0, count: FeatureSequence.width) }
        return sequence.values.map { Double($0) / 4096 }
    }

    /// Whether a random mix includes transform `kind` (each with probability `p`).
    func picks(_ kind: String, _ wanted: String?, _ random: inout SeededRandom, p: Double = 0.5) -> Bool {
        wanted.map { $0 == kind } ?? random.chance(p)
    }
}

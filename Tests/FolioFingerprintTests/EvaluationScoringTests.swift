import FolioFingerprint
import Testing

/// The scoring behind `folio fingerprint eval` and scripts/fingerprint-eval.sh, on examples
/// small enough to work out by hand (the sums are in the comments).
@Suite("Evaluation scoring")
struct EvaluationScoringTests {
    // Genuine 1, 2, 3, 5 against impostors 2, 4, 6, 7.
    let scores = DetectionScores(genuine: [5, 1, 3, 2], impostor: [7, 2, 6, 4])

    @Test func aTwentyFivePercentFalsePositiveBudgetAdmitsOneImpostor() {
        // ⌊4 × 0.25⌋ = 1 impostor may match, so matches are below the second smallest (4):
        // genuine 1, 2, 3 match (3 of 4), impostor 2 matches (1 of 4).
        let point = scores.operatingPoint(falsePositivesPerMillion: 250_000)
        #expect(point.threshold == 4)
        #expect(point.truePositiveRate == 0.75)
        #expect(point.falsePositiveRate == 0.25)
    }

    @Test func aZeroBudgetMatchesOnlyBelowTheClosestImpostor() {
        // Below 2: genuine 1 only. A genuine pair tied with the closest impostor does not match.
        let point = scores.operatingPoint(falsePositivesPerMillion: 1_000)  // ⌊4 × 0.001⌋ = 0
        #expect(point.threshold == 2)
        #expect(point.truePositiveRate == 0.25)
        #expect(point.falsePositiveRate == 0)
    }

    @Test func aFullBudgetMatchesEverything() {
        let point = scores.operatingPoint(falsePositivesPerMillion: 1_000_000)
        #expect(point.threshold == nil)
        #expect(point.truePositiveRate == 1)
        #expect(point.falsePositiveRate == 1)
    }

    @Test func tiesAtTheThresholdAreRejectedEvenWhenTheBudgetWouldAllowThem() {
        // Two impostors at 3: a budget of one cannot take either, so nothing at 3 matches.
        let tied = DetectionScores(genuine: [3, 3, 1], impostor: [3, 3, 9, 9])
        let point = tied.operatingPoint(falsePositivesPerMillion: 250_000)
        #expect(point.threshold == 3)
        #expect(point.truePositiveRate == 1.0 / 3.0)
        #expect(point.falsePositiveRate == 0)
    }

    @Test func aucCountsGenuineBelowImpostorWithTiesAsHalves() {
        // Impostors above each genuine: 1 → 4; 2 → 3 plus the tie at 2 (½); 3 → 3; 5 → 2.
        // (4 + 3.5 + 3 + 2) / 16 = 12.5 / 16.
        #expect(scores.rocAUC == 12.5 / 16)
        #expect(DetectionScores(genuine: [0, 1], impostor: [2, 3]).rocAUC == 1)
        #expect(DetectionScores(genuine: [2, 3], impostor: [0, 1]).rocAUC == 0)
        #expect(DetectionScores(genuine: [4, 4], impostor: [4, 4, 4]).rocAUC == 0.5)
    }

    @Test func hammingDistanceCountsDifferingBits() {
        let a = CodeDistance.words([0x00, 0xFF, 0x0F]), b = CodeDistance.words([0x01, 0xFF, 0xF0])
        #expect(CodeDistance.hamming.distance(a, b) == 9)  // 1 + 0 + 8
        #expect(CodeDistance.words([0x12, 0x34, 0x56, 0x78, 0x9A]) == [0x1234_5678, 0x9A00_0000])
    }

    @Test func alignedBitErrorRateTakesTheBestShiftWithEnoughOverlap() {
        let a: [UInt32] = [0x0000_FFFF, 0x0000_0000, 0xFFFF_FFFF, 0x0000_0000]
        let b: [UInt32] = [0x0000_0000, 0xFFFF_FFFF, 0x0000_000F]
        // Overlap at least ⌈3/2⌉ = 2 words; a[i] against b[i + s]:
        // s = −2: 32 + 32 over 64; s = −1: 0 + 0 + 4 over 96; s = 0: 16 + 32 + 28 over 96;
        // s = 1: 16 + 4 over 64. The best is 4 / 96.
        #expect(CodeDistance.alignedBitErrorRate.distance(a, b) == 4.0 / 96.0)
        #expect(CodeDistance.alignedBitErrorRate.distance(a, Array(a.dropFirst())) == 0)
        #expect(CodeDistance.alignedBitErrorRate.problem(with: [1, 2, 3], expectedLength: 4) != nil)
    }

    @Test func layoutPairsEachOriginalWithItsCopiesAndWithEveryOtherWork() throws {
        let layout = try EvaluationLayout(paths: [
            "b/original.wav", "b/noise.wav", "a/original.png", "a/crop.png", "a/blur.jpg", "c/original.txt",
        ])
        #expect(layout.files.map(\.path) == ["a/original.png", "a/blur.jpg", "a/crop.png", "b/original.wav",
                                             "b/noise.wav", "c/original.txt"])
        #expect(layout.files.map(\.transform) == [nil, "blur", "crop", nil, "noise", nil])
        #expect(layout.genuinePairs.map { [$0.original, $0.copy] } == [[0, 1], [0, 2], [3, 4]])
        // a: originals of b, c and b's copy; b: c's original and a's two copies; c: all 3 copies.
        #expect(layout.impostors(ofWork: 0) == [3, 5, 4])
        #expect(layout.impostors(ofWork: 1) == [5, 1, 2])
        #expect(layout.impostors(ofWork: 2) == [1, 2, 4])
        #expect(layout.impostorPairCount == 9)
    }

    @Test(arguments: [
        (["a/original.wav", "a/x.wav", "b/x.wav"], EvaluationError.noOriginal(work: "b")),
        (["a/original.wav", "a/x.wav", "a/x.mp3", "b/original.wav"], .duplicate(work: "a", name: "x")),
        (["a/original.wav", "a/x.wav"], .tooFewWorks(1)),
        (["a/original.wav", "b/original.wav"], .noCopies),
        (["a/original.wav", "b/c/original.wav"], .badPath("b/c/original.wav")),
        (["original.wav", "b/original.wav"], .badPath("original.wav")),
    ])
    func badLayoutsAreRefusedWithTheReason(paths: [String], expected: EvaluationError) {
        #expect(throws: expected) { try EvaluationLayout(paths: paths) }
    }

    @Test func evaluationScoresAHandCheckedFolder() throws {
        let layout = try EvaluationLayout(paths: ["a/original", "a/x", "b/original", "b/x", "c/original", "c/x"])
        // a 00 → 01 (1 bit), b FF → FE (1 bit), c 0F → F0 (8 bits). Impostors: originals
        // a–b 8, a–c 4, b–c 4; a–b/x 7, a–c/x 4, b–a/x 7, b–c/x 4, c–a/x 3, c–b/x 5.
        let codes: [[UInt8]] = [[0x00], [0x01], [0xFF], [0xFE], [0x0F], [0xF0]]
        let report = try FingerprintEvaluation.evaluate(layout: layout, codes: codes, distance: .hamming)
        #expect(report.genuinePairs == 3)
        #expect(report.impostorPairs == 9)
        #expect(report.thresholdAtFPR0_1 == 3)  // ⌊9 × 0.001⌋ = 0: below the closest impostor
        #expect(report.tprAtFPR0_1 == 2.0 / 3.0)
        #expect(report.thresholdAtFPR1 == 3)
        // Genuine 1, 1 beat all 9; genuine 8 ties one impostor (8): (9 + 9 + 0.5) / 27.
        #expect(report.rocAUC == 37.0 / 54.0)
        #expect(report.genuineMedian == 1)
        #expect(report.impostorMinimum == 3)
        #expect(report.impostorMedian == 4)
        #expect(report.transforms.map(\.transform) == ["x"])
        #expect(report.transforms.first?.pairs == 3)
        #expect(report.transforms.first?.tprAtFPR0_1 == 2.0 / 3.0)
        #expect(report.transforms.first?.medianDistance == 1)
    }

    @Test func codesOfTheWrongLengthAreRefused() throws {
        let layout = try EvaluationLayout(paths: ["a/original", "a/x", "b/original"])
        #expect(throws: EvaluationError.badCode(path: "a/x", reason: "has 2 bytes where the others have 1")) {
            try FingerprintEvaluation.evaluate(layout: layout, codes: [[0], [0, 0], [1]], distance: .hamming)
        }
    }
}

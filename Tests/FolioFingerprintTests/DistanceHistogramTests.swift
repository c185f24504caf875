@testable import FolioFingerprint
import Testing

/// The curves the chain's thresholds are chosen from (`folio fingerprint eval --histogram`),
/// on distances small enough to count by hand.
@Suite("Distance histogram")
struct DistanceHistogramTests {
    // Genuine 0, 1, 1, 3 (4 pairs); impostors 2, 3, 5, 5, 6, 8, 8, 8, 8, 8 (10 pairs), 8-bit codes.
    let histogram: DistanceHistogram

    init() throws {
        histogram = try DistanceHistogram(genuine: [1, 0, 3, 1], impostor: [8, 5, 2, 8, 3, 8, 6, 5, 8, 8], maximumDistance: 8)
    }

    @Test func countsEachDistanceAndAccumulates() {
        #expect(histogram.genuine == [1, 2, 0, 1, 0, 0, 0, 0, 0])
        #expect(histogram.impostor == [0, 0, 1, 1, 0, 2, 1, 0, 5])
        #expect(histogram.genuineCount == 4 && histogram.impostorCount == 10)
        #expect(histogram.genuine(atMost: 1) == 3)
        #expect(histogram.impostors(atMost: 5) == 4)  // 2, 3, 5, 5
        #expect(histogram.impostors(atMost: -1) == 0)
        #expect(histogram.closestImpostor == 2)
    }

    @Test func ratesCountPairsAtOrUnderTheDistanceLikeTheChainsGate() {
        // The gate matches distance ≤ t, so the impostor at exactly 2 counts at t = 2.
        #expect(histogram.falsePositiveRate(atMost: 1) == 0)
        #expect(histogram.falsePositiveRate(atMost: 2) == 0.1)
        #expect(histogram.truePositiveRate(atMost: 2) == 0.75)
        #expect(histogram.truePositiveRate(atMost: 3) == 1)
        #expect(histogram.falsePositiveRate(atMost: 8) == 1)
    }

    @Test func thresholdIsTheLargestDistanceWithinTheBudget() {
        // Budget 0: t = 1 (the closest impostor is 2). 10 %: one impostor may match, t = 2.
        // 20 %: two may, t = 4 (the next impostors are at 5, two of them). 40 %: four, t = 5.
        #expect(histogram.threshold(falsePositivesPerMillion: 0) == 1)
        #expect(histogram.threshold(falsePositivesPerMillion: 99_999) == 1)
        #expect(histogram.threshold(falsePositivesPerMillion: 100_000) == 2)
        #expect(histogram.threshold(falsePositivesPerMillion: 200_000) == 4)
        #expect(histogram.threshold(falsePositivesPerMillion: 400_000) == 5)
        #expect(histogram.threshold(falsePositivesPerMillion: 1_000_000) == 8)
    }

    @Test func noThresholdWhenAnImpostorSitsAtZero() throws {
        let bad = try DistanceHistogram(genuine: [0], impostor: [0, 4], maximumDistance: 4)
        #expect(bad.threshold(falsePositivesPerMillion: 100) == nil)
        // Half may match: the one at 0, and nothing more until the second impostor at 4.
        #expect(bad.threshold(falsePositivesPerMillion: 500_000) == 3)
    }

    @Test func csvHasOneLinePerDistanceWithCumulativeRates() {
        let lines = histogram.csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 10)
        #expect(lines[0] == "distance,genuine,impostor,genuine_at_most,impostor_at_most,tpr,fpr")
        #expect(lines[1] == "0,1,0,1,0,0.25000000,0.00000000")
        #expect(lines[3] == "2,0,1,3,1,0.75000000,0.10000000")
        #expect(lines[9] == "8,0,5,4,10,1.00000000,1.00000000")
    }

    @Test func ratesPrintOneInAMillionAndRoundHalfUp() {
        #expect(DistanceHistogram.rate(1, 1_000_000) == "0.00000100")
        #expect(DistanceHistogram.rate(1, 3) == "0.33333333")
        #expect(DistanceHistogram.rate(2, 3) == "0.66666667")
        #expect(DistanceHistogram.rate(0, 0) == "0.00000000")
    }

    @Test func distancesOutsideTheCodeAreRefused() {
        #expect(throws: DistanceHistogram.Problem.distanceOutOfRange(9)) {
            try DistanceHistogram(genuine: [9], impostor: [], maximumDistance: 8)
        }
        #expect(throws: DistanceHistogram.Problem.distanceOutOfRange(0.5)) {
            try DistanceHistogram(genuine: [], impostor: [0.5], maximumDistance: 8)
        }
        #expect(throws: DistanceHistogram.Problem.distanceOutOfRange(-1)) {
            try DistanceHistogram(genuine: [-1], impostor: [], maximumDistance: 8)
        }
    }
}

import FolioCore
import Testing
@testable import FolioNode

/// The per-stream royalty worked out by hand, as `licences-final` expects it: every expected
/// value below was computed from the template's text (4 per 1,000 streams up to 1,000,000 a
/// month, 3 per 1,000 above, each tier rounded down, +10 % rounded down when late; 70 : 30 by
/// largest remainder, ties to the lower address).
@Suite struct PerStreamRoyaltyTests {
    static let low = Address(bytes: [0x01] + [UInt8](repeating: 0, count: 19))!
    static let high = Address(bytes: [0xF0] + [UInt8](repeating: 0, count: 19))!

    @Test(arguments: [
        // before, count, late, due
        (UInt64(0), UInt64(800_000), false, UInt64(3_200)),      // 800,000 × 4 / 1,000
        (0, 800_000, true, 3_520),                               // + 320
        (800_000, 400_000, false, 1_400),                        // 200,000 at 4/1,000 (800) + 200,000 at 3/1,000 (600)
        (800_000, 400_000, true, 1_540),                         // + 140
        (0, 1_234_567, false, 4_703),                            // 4,000 + ⌊703.701⌋
        (0, 1_234_567, true, 5_173),                             // + ⌊470.3⌋
        (0, 999, false, 3),                                      // ⌊3.996⌋
        (1_000_000, 1_234, false, 3),                            // all above the tier: ⌊3.702⌋
        (999_001, 1_998, false, 5),                              // tiers rounded apart: ⌊3.996⌋ + ⌊2.997⌋, not ⌊6.993⌋
        (0, 512_500, true, 2_255),                               // 2,050 + 205: the scenario's tied first report
        (0, 0, true, 0),
    ])
    func theRoyaltyFollowsTheTiersAndTheLateFee(before: UInt64, count: UInt64, late: Bool, due: UInt64) {
        #expect(PerStreamRoyalty.due(before: before, count: count, late: late) == due)
    }

    @Test func aWholeSplitNeedsNoRemainder() {
        #expect(PerStreamRoyalty.shares(of: 3_520, performer: Self.high, producer: Self.low) == [Self.high: 2_464, Self.low: 1_056])
    }

    /// 1 × 70 leaves remainder 70 against 30: the performer takes the unit whatever the addresses.
    @Test func theLeftoverUnitGoesToTheLargestRemainder() {
        #expect(PerStreamRoyalty.shares(of: 1, performer: Self.high, producer: Self.low) == [Self.high: 1, Self.low: 0])
        #expect(PerStreamRoyalty.shares(of: 8, performer: Self.low, producer: Self.high) == [Self.low: 6, Self.high: 2])
    }

    /// 5 × 70 = 350 and 5 × 30 = 150 both leave 50: the lower address takes the unit.
    @Test func aTiedRemainderGoesToTheLowerAddress() {
        #expect(PerStreamRoyalty.shares(of: 5, performer: Self.high, producer: Self.low) == [Self.high: 3, Self.low: 2])
        #expect(PerStreamRoyalty.shares(of: 5, performer: Self.low, producer: Self.high) == [Self.low: 4, Self.high: 1])
        // 2,255 × 70 = 157,850 and 2,255 × 30 = 67,650: 1,578 and 676 with 50 and 50 left, one unit over.
        #expect(PerStreamRoyalty.shares(of: 2_255, performer: Self.high, producer: Self.low) == [Self.high: 1_578, Self.low: 677])
    }

    @Test func zeroWeightsGetNothing() {
        #expect(PerStreamRoyalty.split(7, weights: [(Self.low, 0), (Self.high, 3)]) == [Self.high: 7])
        #expect(PerStreamRoyalty.split(7, weights: [(Self.low, 0)]).isEmpty)
    }
}

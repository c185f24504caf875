@testable import FolioChain
import FolioCore
import FolioTestSupport
import Testing

/// Exact splits, worked by hand.
@Suite struct PaymentSplitTests {
    static let a = TestKeys.alice.address
    static let b = TestKeys.bob.address
    static let c = TestKeys.carol.address

    @Test func sevenSplitSixtyFortyGivesTheLeftoverUnitToTheLargerShare() {
        let parts = PaymentSplit.split(Amount(baseUnits: 7), among: [Ownership(owner: Self.a, share: 60_000_000), Ownership(owner: Self.b, share: 40_000_000)])
        #expect(parts.map(\.1.baseUnits) == [5, 2])
    }

    @Test func aThousandInThirdsGivesTheLeftoverToTheOneExtraPart() {
        let owners = [Ownership(owner: Self.b, share: 33_333_333), Ownership(owner: Self.a, share: 33_333_334),
                      Ownership(owner: Self.c, share: 33_333_333)]
        // 333.33333, 333.33334, 333.33333 → 333 each, 1 left → the 33,333,334 share.
        #expect(PaymentSplit.split(Amount(baseUnits: 1000), among: owners).map(\.1.baseUnits) == [333, 334, 333])
    }

    @Test func equalSharesBreakTiesByTheLowerAddress() {
        let owners = [Ownership(owner: Self.a, share: 50_000_000), Ownership(owner: Self.b, share: 50_000_000)]
        let lower = min(Self.a, Self.b)
        let parts = PaymentSplit.split(Amount(baseUnits: 3), among: owners)
        #expect(parts.first { $0.0 == lower }?.1.baseUnits == 2)
        #expect(parts.reduce(0) { $0 + $1.1.baseUnits } == 3)
    }

    @Test func theLargestAmountSplitsWithoutOverflow() {
        let owners = [Ownership(owner: Self.a, share: 99_999_999), Ownership(owner: Self.b, share: 1)]
        let parts = PaymentSplit.split(Amount(baseUnits: UInt64.max), among: owners)
        #expect(parts.reduce(UInt64(0)) { $0 &+ $1.1.baseUnits } == UInt64.max)
        // UInt64.max × 1 / 10^8 = 184,467,440,737.09… → 184,467,440,737 for Bob.
        #expect(parts[1].1.baseUnits == 184_467_440_737)
    }
}

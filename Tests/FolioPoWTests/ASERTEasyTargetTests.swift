import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoW

/// ASERT with anchor targets of 2^239 and more, where the anchor times the adjustment factor
/// (up to 2^17) passes 2^256. The published vectors stop at 2^224, so these check the wide
/// path against results worked out by hand and against the narrow path, which the vectors pin.
@Suite struct ASERTEasyTargetTests {
    static let spacing: Int64 = 10, halfLife: Int64 = 600
    static let limit = (UInt256(1) << 255).addingReportingOverflow(UInt256(1) << 255).partialValue
        .subtractingReportingOverflow(UInt256(1)).partialValue  // 2^256 − 1

    /// The next target from `anchor` when the chain is `drift` seconds off its schedule after
    /// 100 blocks (negative: ahead, so harder).
    static func next(_ anchor: UInt256, drift: Int64, limit: UInt256 = limit) -> UInt256 {
        ASERT.nextTarget(anchorTarget: anchor, timeDelta: spacing * 101 + drift, heightDelta: 100,
                         spacing: spacing, halfLife: halfLife, powLimit: limit)
    }

    @Test func theDevChainsTargetTurnsRetargetingOff() throws {
        let anchor = try #require(CompactTarget.target(from: 0x207f_ffff))
        #expect(anchor >= ASERT.noRetargetingTarget)
        for drift in [-40 * Self.halfLife, -Self.halfLife, 0, Self.halfLife] {
            #expect(Self.next(anchor, drift: drift, limit: anchor) == anchor)
        }
    }

    @Test func oneHalfLifeAheadHalvesTheTestnetGenesisTarget() throws {
        // A whole number of half-lives has fraction 0, so the factor is exactly 2^16 and the
        // target is shifted right by one bit per half-life: no rounding to work out.
        for bits: UInt32 in [0x1f00_ffff, 0x2000_ffff, 0x203f_ffff] {
            let anchor = try #require(CompactTarget.target(from: bits))
            #expect(Self.next(anchor, drift: -Self.halfLife, limit: anchor) == anchor >> 1)
            #expect(Self.next(anchor, drift: -3 * Self.halfLife, limit: anchor) == anchor >> 3)
            // On schedule the target stays; behind it, the easiest target caps it.
            #expect(Self.next(anchor, drift: 0, limit: anchor) == anchor)
            #expect(Self.next(anchor, drift: Self.halfLife, limit: anchor) == anchor)
        }
    }

    @Test func behindScheduleAnEasyTargetDoublesUntilItPasses2To256() {
        let anchor = UInt256(1) << 250
        #expect(Self.next(anchor, drift: Self.halfLife) == UInt256(1) << 251)
        #expect(Self.next(anchor, drift: 5 * Self.halfLife) == UInt256(1) << 255)
        // 2^256 does not fit: the limit is the answer.
        #expect(Self.next(anchor, drift: 6 * Self.halfLife) == Self.limit)
    }

    @Test func aWideProductShiftsAsTheNarrowOneDoes() {
        // The anchor t·2^40 at k half-lives ahead computes (t·f·2^40) >> s; the anchor t at
        // k − 40 half-lives ahead has the same fractional part, so the same factor f, and
        // shifts by s − 40: the same number. Drifts are multiples of 75 s (600/8) so that the
        // spec's truncating division lands on the same fraction for both.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        var fractional = 0
        for _ in 0..<500 {
            let t = (UInt256(random() | 1 << 63) << 150) >> Int(random() % 8)  // about 2^206 to 2^214
            let wide = t << 40  // 2^246 to 2^254: its product with any factor passes 2^256
            #expect(wide.multipliedFullWidth(by: 65_536).high != 0)
            // 17 to 40 half-lives ahead.
            let steps = Int64(random() % (23 * 8))
            if steps % 8 != 0 { fractional += 1 }
            let drift = -(17 * Self.halfLife + 75 * steps)
            #expect(Self.next(wide, drift: drift) == Self.next(t, drift: drift + 40 * Self.halfLife))
        }
        #expect(fractional > 300)
    }
}

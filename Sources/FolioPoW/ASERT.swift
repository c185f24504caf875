import FolioConsensus

/// ASERT difficulty (aserti3-2d, the Bitcoin Cash November 2020 rule), in the integer
/// arithmetic its specification fixes so every node gets the same bits.
///
/// The target is the anchor's target scaled by 2^((Δt − spacing·(Δh + 1)) / halfLife): it
/// doubles for every half-life the chain is behind its ideal schedule and halves for every
/// half-life ahead. 2^x on the fractional part uses the spec's cubic approximation in 16-bit
/// fixed point.
public enum ASERT {
    /// The next target from the anchor's target, the time from the anchor's parent to the
    /// new block's parent (`timeDelta`), and the height from the anchor to that parent
    /// (`heightDelta`). The result is at least 1 and at most `powLimit`; an anchor target of
    /// `noRetargetingTarget` or more gives `powLimit` always.
    public static func nextTarget(anchorTarget: UInt256, timeDelta: Int64, heightDelta: Int64,
                                  spacing: Int64, halfLife: Int64, powLimit: UInt256) -> UInt256 {
        guard halfLife > 0, !anchorTarget.isZero else { return powLimit }
        // The target of 0x207fffff (the dev chain's and the tests') or more means "no
        // retargeting", as bitcoind's regtest: blocks there are mined in bursts far ahead of
        // any schedule, and ASERT would soon make them unminable.
        guard anchorTarget < Self.noRetargetingTarget else { return powLimit }
        // Clamping keeps `× 65536` inside Int64; any value past the clamp already saturates
        // the shift below (2^46 · 2^16 / 2^32 = 2^30 bits), so the answer is unchanged.
        let bound: Int64 = 1 << 46
        let (ideal, idealOverflow) = spacing.multipliedReportingOverflow(by: heightDelta &+ 1)
        let (drift, driftOverflow) = timeDelta.subtractingReportingOverflow(ideal)
        let clamped: Int64
        if idealOverflow || driftOverflow {
            clamped = (heightDelta >= 0) == (spacing >= 0) ? -bound : bound
        } else {
            clamped = Swift.min(Swift.max(drift, -bound), bound)
        }
        // C-style truncating division, then an arithmetic (flooring) shift: the spec's order.
        let exponent = clamped * 65536 / halfLife
        var shifts = exponent >> 16
        let fraction = UInt64(UInt16(truncatingIfNeeded: exponent))
        let cubic = 195_766_423_245_049 &* fraction
            &+ 971_821_376 &* fraction &* fraction
            &+ 5127 &* fraction &* fraction &* fraction
            &+ (1 << 47)
        let factor = 65536 + (cubic >> 48)
        // The product can pass 2^256 (an anchor target of 2^239 or more times a factor of up to
        // 2^17): keep its carry as bits 256... of one wide value and shift that, so an easy
        // genesis target still moves. The BCH spec's 2^224 limit never needed this.
        let product = anchorTarget.multipliedFullWidth(by: factor)
        shifts -= 16
        let target = Self.shifted(carry: product.high, low: product.low, by: shifts) ?? powLimit
        return Swift.min(target.isZero ? UInt256(1) : target, powLimit)
    }

    /// Anchor targets from here up turn retargeting off: the target of compact bits
    /// 0x207fffff (0x7fffff · 2^232, just under 2^255).
    public static let noRetargetingTarget = UInt256(0x7f_ffff) << 232

    /// (carry · 2^256 + low) shifted left by `count` bits (right for a negative count), or nil
    /// when the result does not fit in 256 bits.
    static func shifted(carry: UInt64, low: UInt256, by count: Int64) -> UInt256? {
        if count >= 0 {
            guard carry == 0 else { return nil }
            let bits = Int(Swift.min(count, 256))
            let shifted = low << bits
            return (shifted >> bits) == low ? shifted : nil
        }
        let right = Int(Swift.min(-count, 512))
        if right >= 256 { return right >= 320 ? .zero : UInt256(carry >> UInt64(right - 256)) }
        guard right >= 64 || carry >> UInt64(right) == 0 else { return nil }
        // The two parts share no bit, so adding them cannot carry; `<<` drops what passes
        // 2^256, exactly the carry bits just checked to be zero.
        return (low >> right).addingReportingOverflow(UInt256(carry) << (256 - right)).partialValue
    }
}

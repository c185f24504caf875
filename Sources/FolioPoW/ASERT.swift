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
    /// (`heightDelta`). The result is at least 1 and at most `powLimit`.
    public static func nextTarget(anchorTarget: UInt256, timeDelta: Int64, heightDelta: Int64,
                                  spacing: Int64, halfLife: Int64, powLimit: UInt256) -> UInt256 {
        guard halfLife > 0, !anchorTarget.isZero else { return powLimit }
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
        let next = anchorTarget.multipliedReportingOverflow(by: factor)
        shifts -= 16
        var target: UInt256
        if next.overflow {
            target = powLimit
        } else if shifts <= 0 {
            target = next.partialValue >> Int(Swift.min(-shifts, 256))
        } else {
            let count = Int(Swift.min(shifts, 256))
            let shifted = next.partialValue << count
            target = (shifted >> count) == next.partialValue ? shifted : powLimit
        }
        if target.isZero { target = UInt256(1) }
        return Swift.min(target, powLimit)
    }
}

/// A token bucket on the manager's millisecond clock: `ratePerSecond` tokens flow in, at most
/// `burst` are held, and taking more than are held fails. Integer arithmetic only, in
/// thousandths of a token, so no rounding drifts over a long connection.
package struct TokenBucket: Equatable, Sendable {
    /// Tokens added per second.
    package let ratePerSecond: Int64
    /// Most tokens held; a new bucket starts full.
    package let burst: Int64
    /// Tokens held, in thousandths.
    private var milliTokens: Int64
    private var lastRefill: Int64

    /// A full bucket at time `now`.
    package init(ratePerSecond: Int64, burst: Int64, now: Int64) {
        self.ratePerSecond = max(ratePerSecond, 0)
        // Held in thousandths, so a burst past Int64.max / 1,000 could not be stored.
        self.burst = min(max(burst, 1), Int64.max / 1_000)
        milliTokens = self.burst * 1_000
        lastRefill = now
    }

    /// Tokens held at the last take, whole ones.
    package var available: Int64 { milliTokens / 1_000 }

    /// Takes `count` tokens at time `now`; false (taking none) when fewer are held.
    package mutating func take(_ count: Int64, now: Int64) -> Bool {
        refill(now: now)
        // Saturating: a count no bucket could hold never passes, and never overflows.
        let (needed, overflow) = max(count, 0).multipliedReportingOverflow(by: 1_000)
        guard !overflow, needed <= milliTokens else { return false }
        milliTokens -= needed
        return true
    }

    private mutating func refill(now: Int64) {
        let elapsed = now - lastRefill
        guard elapsed > 0 else { return }
        lastRefill = now
        // ratePerSecond tokens per 1,000 ms is ratePerSecond thousandths per ms.
        let (added, overflow) = elapsed.multipliedReportingOverflow(by: ratePerSecond)
        milliTokens = overflow ? burst * 1_000 : min(burst * 1_000, milliTokens + added)
    }
}

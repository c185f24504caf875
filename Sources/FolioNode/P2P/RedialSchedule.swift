/// When to dial one configured peer: at once at start, then with exponential backoff while
/// attempts fail (1 s doubling to 5 min), and again `base` after a working link drops.
/// Times are milliseconds on the service's monotonic clock.
struct RedialSchedule: Sendable, Equatable {
    /// First wait after a failed attempt or a dropped link.
    let base: Int64
    /// Longest wait between attempts.
    let cap: Int64
    /// Attempts since the link was last up.
    private(set) var attempts = 0
    /// Earliest time of the next attempt.
    private(set) var nextAttemptAt: Int64 = 0
    /// Whether a handshake with this peer is complete now.
    private(set) var linked = false

    /// A schedule with the given waits.
    init(base: Int64 = 1_000, cap: Int64 = 300_000) {
        self.base = max(base, 1)
        self.cap = max(cap, self.base)
    }

    /// The wait after the `attempts`th failed attempt in a row.
    func delay(afterAttempts attempts: Int) -> Int64 {
        let shift = Int64(min(max(attempts - 1, 0), 30))
        let (wait, overflow) = base.multipliedReportingOverflow(by: Int64(1) << shift)
        return overflow ? cap : min(wait, cap)
    }

    /// Whether a dial is due at `now`.
    func isDue(now: Int64) -> Bool { !linked && now >= nextAttemptAt }

    /// A dial went out at `now`; the next one waits longer unless the link comes up.
    mutating func dialled(now: Int64) {
        attempts += 1
        nextAttemptAt = now + delay(afterAttempts: attempts)
    }

    /// The link is up (a handshake completed): the backoff starts over.
    mutating func linkUp() {
        linked = true
        attempts = 0
    }

    /// No link at `now`: if one was up, the first redial waits `base`.
    mutating func linkDown(now: Int64) {
        guard linked else { return }
        linked = false
        nextAttemptAt = now + base
    }
}

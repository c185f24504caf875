import Dispatch
import Synchronization

/// How many `/match` uploads one client may send: `perMinute` on average, `burst` at once.
struct MatchRateLimit: Sendable, Equatable {
    /// Uploads a minute one client may send over time.
    var perMinute: Int
    /// Uploads one client may send back to back before the pace applies.
    var burst: Int
    /// Most clients remembered; past it the least recently seen is forgotten.
    var maxClients: Int

    /// Six a minute, three at once, four thousand clients (about 150 KiB of table).
    static let standard = MatchRateLimit(perMinute: 6, burst: 3, maxClients: 4096)
}

/// A per-client limit on `/match` uploads, so one client cannot keep the single fingerprinting
/// slot (`MatchGate`) busy for everyone else.
///
/// Each client has a generic-cell-rate bucket: one number, the time at which its bucket would be
/// full again. An upload moves it one interval (a minute / `perMinute`) later; an upload that
/// would move it more than `burst - 1` intervals past now is refused, with the time until it
/// would not be. A client whose bucket is full again is the same as one never seen, so it is
/// dropped first when the table is full; otherwise the least recently seen go. The table never
/// holds more than `maxClients` entries, whatever the number of distinct addresses.
final class MatchRateLimiter: Sendable {
    /// What the limiter says to one upload.
    enum Decision: Equatable {
        /// Go ahead.
        case admitted
        /// Refused; the client may send again after this many whole seconds (at least 1).
        case refused(retryAfterSeconds: Int)
    }

    private struct Entry {
        /// Nanoseconds on the limiter's clock at which this client's bucket is full again.
        var fullAt: UInt64
        /// When this client was last seen, for choosing whom to forget.
        var seen: UInt64
    }

    let limit: MatchRateLimit
    private let interval: UInt64
    private let tolerance: UInt64
    private let clock: @Sendable () -> UInt64
    private let table = Mutex<[ClientKey: Entry]>([:])

    /// A limiter with `limit` reading `clock` (monotonic nanoseconds; the process's uptime
    /// unless a test gives another). Values below 1 are taken as 1.
    init(limit: MatchRateLimit = .standard, clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        let perMinute = UInt64(max(limit.perMinute, 1))
        let burst = UInt64(max(limit.burst, 1))
        self.limit = MatchRateLimit(perMinute: Int(perMinute), burst: Int(burst), maxClients: max(limit.maxClients, 1))
        interval = 60_000_000_000 / perMinute
        let (product, overflow) = interval.multipliedReportingOverflow(by: burst - 1)
        tolerance = overflow ? .max / 2 : product
        self.clock = clock
    }

    /// Counts one upload from `client` and says whether it may go ahead.
    func admit(_ client: ClientKey) -> Decision {
        let now = clock()
        return table.withLock { table in
            let entry = table[client]
            let fullAt = max(entry?.fullAt ?? now, now)
            if fullAt - now > tolerance {
                let wait = fullAt - now - tolerance
                table[client]?.seen = now
                return .refused(retryAfterSeconds: Int((wait + 999_999_999) / 1_000_000_000))
            }
            if entry == nil, table.count >= limit.maxClients { Self.makeRoom(in: &table, now: now, capacity: limit.maxClients) }
            table[client] = Entry(fullAt: fullAt + interval, seen: now)
            return .admitted
        }
    }

    /// Clients remembered now (for tests).
    var clientCount: Int { table.withLock { $0.count } }

    /// Drops every client whose bucket is full again; if that frees less than an eighth of the
    /// table, also the least recently seen down to seven eighths, so that a flood of new
    /// addresses costs one sort per eighth of the table rather than a scan per address.
    private static func makeRoom(in table: inout [ClientKey: Entry], now: UInt64, capacity: Int) {
        table = table.filter { $0.value.fullAt > now }
        let target = capacity - max(capacity / 8, 1)
        guard table.count > target else { return }
        let oldest = table.sorted { $0.value.seen < $1.value.seen }.prefix(table.count - target)
        for (client, _) in oldest { table[client] = nil }
    }
}

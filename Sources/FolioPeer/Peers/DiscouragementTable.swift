import FolioWire
import HeapModule

/// The discouraged addresses a node refuses, each with the time it is let back in, holding at
/// most `capacity` of them: an attacker that earns discouragement from many addresses must not
/// grow it without end.
///
/// When full, a new address takes the place of the one expiring soonest, unless it expires
/// sooner itself (it is then not kept), which is the rule the kept file applies
/// (`DiscouragementSnapshot`): entries already expired go first, and of the rest the oldest
/// offences. Expiries live in a min-heap beside the dictionary, so choosing whom to drop costs
/// O(log n). Extending an address's expiry leaves its old heap entry behind, recognised as
/// stale (it no longer matches the dictionary) when it surfaces; the heap is rebuilt from the
/// dictionary once stale entries outnumber live ones, an O(n) rebuild per n extensions.
package struct DiscouragementTable: Sendable {
    /// Most addresses held.
    package let capacity: Int
    /// When each address is let back in (milliseconds, the caller's clock).
    package private(set) var untilByAddress: [IPAddress: Int64] = [:]
    private var expiries = Heap<Expiry>()

    /// An empty table holding at most `capacity` addresses (at least one).
    package init(capacity: Int = DiscouragementSnapshot.maximumEntries) {
        self.capacity = max(capacity, 1)
    }

    /// Addresses held, expired ones included until they are dropped to make room.
    package var count: Int { untilByAddress.count }

    /// Heap entries held, stale ones included: at most about twice `count`.
    var storedExpiryCount: Int { expiries.count }

    /// Whether `ip` is refused at `now`.
    package func contains(_ ip: IPAddress, now: Int64) -> Bool {
        (untilByAddress[ip] ?? .min) > now
    }

    /// Refuses `ip` until `until`, or keeps its later expiry if it already has one. Returns
    /// the address dropped to make room, if any, or `ip` itself when the table is full of
    /// addresses that all expire later than it.
    @discardableResult
    package mutating func insert(_ ip: IPAddress, until: Int64) -> IPAddress? {
        if let held = untilByAddress[ip] {
            guard until > held else { return nil }
            untilByAddress[ip] = until
            expiries.insert(Expiry(until: until, ip: ip))
            compactIfStale()
            return nil
        }
        var dropped: IPAddress?
        if untilByAddress.count >= capacity {
            discardStaleMinimum()
            // Full, so the heap holds a live entry for every address and the minimum is live.
            guard let soonest = expiries.min, soonest.until <= until else { return ip }
            expiries.removeMin()
            untilByAddress[soonest.ip] = nil
            dropped = soonest.ip
        }
        untilByAddress[ip] = until
        expiries.insert(Expiry(until: until, ip: ip))
        return dropped
    }

    /// Pops heap entries that no longer match the dictionary until the minimum is live.
    private mutating func discardStaleMinimum() {
        while let top = expiries.min, untilByAddress[top.ip] != top.until { expiries.removeMin() }
    }

    private mutating func compactIfStale() {
        guard expiries.count > 2 * untilByAddress.count + 16 else { return }
        expiries = Heap(untilByAddress.map { Expiry(until: $0.value, ip: $0.key) })
    }

    /// One heap entry: ordered by expiry, then by address bytes so the order is total.
    private struct Expiry: Comparable, Sendable {
        let until: Int64
        let ip: IPAddress

        static func < (lhs: Expiry, rhs: Expiry) -> Bool {
            lhs.until != rhs.until ? lhs.until < rhs.until : lhs.ip.bytes.lexicographicallyPrecedes(rhs.ip.bytes)
        }
    }
}

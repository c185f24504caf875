import FolioCore
import FolioWire

/// Decides which address-book entries to dial so that outbound connections reach a target
/// count, and when an address may be tried again. Pure value: the manager feeds it what
/// happened to each dial and asks it for the next addresses; the network does the dialling.
///
/// An address is never chosen while it is one of this node's own (configured, or learned when
/// a dial reached ourselves), reserved by the host (peers it dials itself, peers it filters),
/// being dialled, linked already (an outbound link to it, an inbound link announcing it as
/// its listening address, or a link proving the identity last seen there), discouraged, or
/// waiting out its backoff. Failed attempts wait `base` doubling to `cap`; a link that was up
/// and dropped waits `base` once, and a success starts the backoff over.
package struct OutboundDialer: Sendable {
    /// What the host's connections look like now.
    package struct Links: Sendable {
        /// Outbound connections open or in handshake (whoever dialled them).
        package var outboundCount = 0
        /// Listening addresses of connected peers.
        package var connected: Set<AddressKey> = []
        /// Identities connected peers proved.
        package var identities: Set<PublicKey> = []

        /// An empty picture.
        package init() {}
    }

    private struct Backoff: Sendable {
        var failures: Int
        var retryAt: Int64
    }

    /// First wait after a failure.
    package let baseMillis: Int64
    /// Longest wait.
    package let capMillis: Int64
    /// Most addresses whose backoff or identity is remembered.
    package let memoryLimit: Int
    /// Addresses dialled and not yet opened or failed.
    package private(set) var inFlight: Set<AddressKey> = []
    /// Addresses that are this node.
    package private(set) var ownAddresses: Set<AddressKey>
    /// Addresses the host dials itself or refuses.
    package private(set) var reserved: Set<AddressKey> = []
    /// Addresses this dialler chose that are being dialled or linked: their network groups
    /// get no second outbound slot from the book.
    package private(set) var bookLinks: Set<AddressKey> = []
    private var backoff: [AddressKey: Backoff] = [:]
    private var identities: [AddressKey: PublicKey] = [:]

    /// A dialler that never dials `ownAddresses`.
    package init(baseMillis: Int64 = 1_000, capMillis: Int64 = 300_000, ownAddresses: Set<AddressKey> = [], memoryLimit: Int = 4_096) {
        self.baseMillis = max(baseMillis, 1)
        self.capMillis = max(capMillis, self.baseMillis)
        self.ownAddresses = ownAddresses
        self.memoryLimit = max(memoryLimit, 1)
    }

    /// The wait after `failures` failed attempts in a row.
    package func delay(afterFailures failures: Int) -> Int64 {
        let shift = Int64(min(max(failures - 1, 0), 40))
        let (wait, overflow) = baseMillis.multipliedReportingOverflow(by: Int64(1) << shift)
        return overflow ? capMillis : min(wait, capMillis)
    }

    /// When `key` may be dialled again; nil when it is not waiting.
    package func retryAt(_ key: AddressKey) -> Int64? { backoff[key]?.retryAt }

    /// Failed attempts in a row at `key`.
    package func failures(at key: AddressKey) -> Int { backoff[key]?.failures ?? 0 }

    /// Whether `key` may be dialled at `now`, given the host's `links` (the book judges
    /// discouragement).
    package func mayDial(_ key: AddressKey, links: Links, now: Int64) -> Bool {
        if ownAddresses.contains(key) || reserved.contains(key) || inFlight.contains(key) || links.connected.contains(key) {
            return false
        }
        if let retryAt = backoff[key]?.retryAt, retryAt > now { return false }
        if let identity = identities[key], links.identities.contains(identity) { return false }
        return true
    }

    /// The addresses to dial now so outbound connections reach `target`: anchors first, then
    /// one per bucket in turn (`AddressBook.candidates`), never into a network group that an
    /// address chosen earlier still reaches (dialling or linked). They count as in flight until
    /// `opened` or `failed`.
    package mutating func choose(target: Int, links: Links, book: AddressBook, now: Int64) -> [PeerAddress] {
        let short = target - links.outboundCount - inFlight.count
        guard short > 0 else { return [] }
        // A link can end without `ended` (refused the moment it opened): only what is still
        // in flight or linked holds its group.
        bookLinks = bookLinks.filter { inFlight.contains($0) || links.connected.contains($0) }
        let held = Set(bookLinks.map { AddressBook.group(of: $0.ip) })
        let chosen = book.candidates(count: short, now: now, heldGroups: held) { !mayDial($0.key, links: links, now: now) }
        for address in chosen {
            inFlight.insert(address.key)
            bookLinks.insert(address.key)
        }
        return chosen
    }

    /// Replaces the addresses the host dials itself or refuses.
    package mutating func reserve(_ keys: Set<AddressKey>) { reserved = keys }

    /// A connection to `key` opened.
    package mutating func opened(_ key: AddressKey) { inFlight.remove(key) }

    /// A dial to `key` failed (refused, unreachable) at `now`: wait longer before the next.
    package mutating func failed(_ key: AddressKey, now: Int64) {
        inFlight.remove(key)
        bookLinks.remove(key)
        let failures = (backoff[key]?.failures ?? 0) + 1
        remember(key, Backoff(failures: failures, retryAt: now + delay(afterFailures: failures)), now: now)
    }

    /// The handshake with the peer dialled at `key` completed, proving `identity`.
    package mutating func established(_ key: AddressKey, identity: PublicKey) {
        backoff[key] = nil
        if identities.count >= memoryLimit, identities[key] == nil, let any = identities.keys.first { identities[any] = nil }
        identities[key] = identity
    }

    /// The outbound connection to `key` ended at `now` (`reason` when one is known). A link
    /// that reached ourselves marks `key` as our own for good; one that never finished its
    /// handshake, or duplicated a link we hold, counts as a failure; a working link that
    /// dropped may be redialled after `base`.
    package mutating func ended(_ key: AddressKey, wasEstablished: Bool, reason: DisconnectReason?, now: Int64) {
        inFlight.remove(key)
        bookLinks.remove(key)
        if reason == .selfConnection {
            ownAddresses.insert(key)
            backoff[key] = nil
            identities[key] = nil
        } else if !wasEstablished || reason == .duplicateConnection {
            failed(key, now: now)
        } else {
            remember(key, Backoff(failures: 0, retryAt: now + baseMillis), now: now)
        }
    }

    /// Stores `entry`, forgetting waits already over (then the soonest) when memory is full.
    private mutating func remember(_ key: AddressKey, _ entry: Backoff, now: Int64) {
        if backoff[key] == nil, backoff.count >= memoryLimit {
            backoff = backoff.filter { $0.value.retryAt > now }
            if backoff.count >= memoryLimit, let soonest = backoff.min(by: { $0.value.retryAt < $1.value.retryAt })?.key {
                backoff[soonest] = nil
            }
        }
        backoff[key] = entry
    }
}

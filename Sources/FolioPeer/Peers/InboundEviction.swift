import FolioCore
import FolioWire

/// One inbound connection as eviction sees it: only what an attacker cannot cheaply fake.
package struct EvictionCandidate: Sendable, Equatable {
    /// The network layer's connection number; higher numbers were accepted later.
    package var peer: Int
    /// The remote network group (`AddressBook.group(of:)`); nil when the address is unknown,
    /// which is a group of its own.
    package var group: [UInt8]?
    /// A keyed hash of `group` (`InboundEviction.rank(of:secret:)`): which groups get a
    /// protected slot, in an order a remote peer cannot predict or choose.
    package var groupRank: UInt64
    /// When the connection was accepted (milliseconds, the manager's clock).
    package var connectedAt: Int64
    /// Whether its handshake is complete.
    package var isEstablished: Bool
    /// The fastest ping round trip it answered, if any.
    package var fastestPingMillis: Int64?
    /// When it last sent us a block the chain accepted as new, if ever.
    package var lastNovelBlockAt: Int64?
    /// When it last sent us a transaction the chain accepted as new, if ever.
    package var lastNovelTransactionAt: Int64?

    /// A candidate with no ping or novelty on record.
    package init(peer: Int, group: [UInt8]?, groupRank: UInt64, connectedAt: Int64, isEstablished: Bool,
                 fastestPingMillis: Int64? = nil, lastNovelBlockAt: Int64? = nil, lastNovelTransactionAt: Int64? = nil) {
        self.peer = peer
        self.group = group
        self.groupRank = groupRank
        self.connectedAt = connectedAt
        self.isEstablished = isEstablished
        self.fastestPingMillis = fastestPingMillis
        self.lastNovelBlockAt = lastNovelBlockAt
        self.lastNovelTransactionAt = lastNovelTransactionAt
    }

    /// Accepted earlier than `other` (ties by connection number).
    func isOlder(than other: EvictionCandidate) -> Bool {
        connectedAt != other.connectedAt ? connectedAt < other.connectedAt : peer < other.peer
    }
}

/// Which inbound connection to drop so a new one can take its slot, as bitcoind does when its
/// inbound slots are full: a flood of connections then costs the attacker its own slots
/// rather than keeping every honest newcomer out.
///
/// Established connections are protected in turn by rules a remote peer cannot cheaply meet:
/// one per network group for the `protectedGroups` groups ranking highest by a keyed hash
/// (its longest-connected member), the `protectedByPing` fastest ping round trips, the
/// `protectedByTransactions` and `protectedByBlocks` that most recently sent us a transaction
/// or block new to the chain, and then the longer-connected half of those left. Connections
/// still in their handshake are never protected. Of the rest, the network group holding the
/// most connections loses one: a connection still in its handshake first (the one silent
/// longest), else its youngest. Among equally large groups the one with a connection still in
/// its handshake goes first, then the one whose youngest member is youngest. With nothing
/// left to drop the newcomer is refused.
///
/// A silent connection of a group of its own does not go before a larger group's established
/// members: every honest newcomer is itself in its handshake for a moment, and an attacker
/// holding the other slots from one group would otherwise evict it with each new connection.
/// Pure: the caller gathers the candidates and closes the one chosen.
package struct InboundEviction: Sendable {
    /// Network groups that get one protected connection each.
    package var protectedGroups = 4
    /// Connections protected for the fastest pings.
    package var protectedByPing = 8
    /// Connections protected for recently sending a new transaction.
    package var protectedByTransactions = 4
    /// Connections protected for recently sending a new block.
    package var protectedByBlocks = 4
    /// Whether the longer-connected half of the established connections left is protected.
    package var protectsLongestConnectedHalf = true

    /// The policy with bitcoind's counts (4, 8, 4, 4, then half by uptime).
    package init() {}

    /// The keyed rank of `group`: the first 8 bytes of `SHA-256(secret ‖ "evict" ‖ group)`.
    package static func rank(of group: [UInt8]?, secret: [UInt8]) -> UInt64 {
        let digest = SHA256.hash(secret + Array("evict".utf8) + (group ?? [])).bytes
        return digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The connection to drop from `candidates` (every inbound connection held), or nil when
    /// every one is protected.
    package func choose(among candidates: [EvictionCandidate]) -> Int? {
        var remaining = candidates
        protectOnePerGroup(&remaining)
        protect(&remaining, count: protectedByPing, ranking: { $0.fastestPingMillis.map { -$0 } })
        protect(&remaining, count: protectedByTransactions, ranking: \.lastNovelTransactionAt)
        protect(&remaining, count: protectedByBlocks, ranking: \.lastNovelBlockAt)
        if protectsLongestConnectedHalf {
            protect(&remaining, count: remaining.filter(\.isEstablished).count / 2, ranking: { -$0.connectedAt })
        }
        return victim(in: remaining)
    }

    private func protectOnePerGroup(_ remaining: inout [EvictionCandidate]) {
        var best: [[UInt8]?: EvictionCandidate] = [:]
        for candidate in remaining where candidate.isEstablished {
            if let held = best[candidate.group], held.isOlder(than: candidate) { continue }
            best[candidate.group] = candidate
        }
        let kept = best.values.sorted { $0.groupRank != $1.groupRank ? $0.groupRank > $1.groupRank : $0.peer < $1.peer }
            .prefix(protectedGroups).map(\.peer)
        remaining.removeAll { kept.contains($0.peer) }
    }

    /// Removes from `remaining` the `count` established candidates ranking highest; those
    /// without a rank (nil) are not protected by this rule. Ties go to the older connection.
    private func protect(_ remaining: inout [EvictionCandidate], count: Int,
                         ranking: (EvictionCandidate) -> Int64?) {
        guard count > 0 else { return }
        let ranked = remaining.compactMap { candidate in
            candidate.isEstablished ? ranking(candidate).map { (candidate, $0) } : nil
        }
        let kept = ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.isOlder(than: $1.0) }.prefix(count).map(\.0.peer)
        remaining.removeAll { kept.contains($0.peer) }
    }

    private func victim(in remaining: [EvictionCandidate]) -> Int? {
        let groups = Dictionary(grouping: remaining, by: \.group).values
        // Largest first; then one holding a connection in its handshake; then the youngest member.
        func precedes(_ a: [EvictionCandidate], _ b: [EvictionCandidate]) -> Bool {
            if a.count != b.count { return a.count > b.count }
            let (silentA, silentB) = (a.contains { !$0.isEstablished }, b.contains { !$0.isEstablished })
            if silentA != silentB { return silentA }
            guard let youngestA = a.max(by: { $0.isOlder(than: $1) }), let youngestB = b.max(by: { $0.isOlder(than: $1) }) else {
                return false
            }
            return youngestB.isOlder(than: youngestA)
        }
        guard let chosen = groups.min(by: precedes) else { return nil }
        if let silent = chosen.filter({ !$0.isEstablished }).min(by: { $0.isOlder(than: $1) }) { return silent.peer }
        return chosen.max(by: { $0.isOlder(than: $1) })?.peer
    }
}

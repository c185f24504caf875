import FolioConsensus
import FolioCore

/// The authority set as of one block, with who sealed recently and the open votes.
public struct AuthoritySnapshot: Hashable, Sendable {
    /// Height of the block this snapshot is after.
    public private(set) var height: UInt64
    /// Authorities in turn order (genesis order; added ones at the end).
    public private(set) var authorities: [PublicKey]
    /// Sealer of each recent block, by height (only the last floor(N/2) are kept).
    public private(set) var recents: [UInt64: PublicKey]
    /// Open votes: candidate → (voter → add?). A voter's later vote replaces its earlier one.
    public private(set) var tally: [PublicKey: [PublicKey: Bool]]

    /// The snapshot after genesis.
    public init(genesisAuthorities: [PublicKey]) {
        height = 0
        authorities = genesisAuthorities
        recents = [:]
        tally = [:]
    }

    /// How many of the last blocks an authority must sit out after sealing: floor(N/2).
    public var sitOut: UInt64 { UInt64(authorities.count / 2) }

    /// Whether `key` is an authority.
    public func isAuthority(_ key: PublicKey) -> Bool { authorities.contains(key) }

    /// The in-turn authority for a block at `height`: authorities[height mod N].
    public func inTurn(atHeight height: UInt64) -> PublicKey? {
        authorities.isEmpty ? nil : authorities[Int(height % UInt64(authorities.count))]
    }

    /// Whether `key` sealed one of the floor(N/2) blocks before `height`.
    public func signedRecently(_ key: PublicKey, beforeHeight height: UInt64) -> Bool {
        recents.contains { entry in entry.value == key && entry.key < height && entry.key + sitOut >= height }
    }

    /// The snapshot after a block at `height` sealed by `sealer` carrying `votes`.
    ///
    /// Votes count only from authorities of this (the parent's) set; a vote for what already
    /// holds changes nothing but withdraws the voter's open vote on that candidate. A candidate changes status once more than half the current
    /// authorities vote the same way; its tally is then cleared, and a removed authority's own
    /// open votes are dropped.
    public func applying(height newHeight: UInt64, sealer: PublicKey, votes: [CastVote]) -> AuthoritySnapshot {
        var next = self
        next.height = newHeight
        next.recents[newHeight] = sealer
        for vote in votes where isAuthority(vote.voter) {
            let candidate = vote.vote.candidate
            guard vote.vote.add != next.isAuthority(candidate) else {
                // A vote for what already holds withdraws the voter's open vote on the candidate.
                next.tally[candidate]?[vote.voter] = nil
                continue
            }
            next.tally[candidate, default: [:]][vote.voter] = vote.vote.add
            let agreeing = next.tally[candidate, default: [:]].values.filter { $0 == vote.vote.add }.count
            guard agreeing * 2 > next.authorities.count else { continue }
            next.tally[candidate] = nil
            if vote.vote.add {
                next.authorities.append(candidate)
            } else {
                next.authorities.removeAll { $0 == candidate }
                for key in next.tally.keys { next.tally[key]?[candidate] = nil }
            }
        }
        let keep = next.sitOut
        next.recents = next.recents.filter { $0.key + keep >= newHeight && keep > 0 }
        return next
    }
}

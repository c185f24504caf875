import FolioCore

/// The read-only window an engine has on the chain: headers by hash and height, authority
/// votes by block, and the parameters. Engines never write through it and never see the
/// store, mempool or state.
///
/// Lookups by hash cover every stored header, side branches included; `header(atHeight:)`
/// answers for the current best chain only, so engines walk a side branch through parents.
public protocol ChainView: Sendable {
    /// The chain's genesis parameters.
    var params: ChainParams { get }
    /// The stored header with id `hash`, on any branch.
    func header(hash: Hash256) -> BlockHeader?
    /// The best chain's header at `height`.
    func header(atHeight height: UInt64) -> BlockHeader?
    /// The authority votes cast by the transactions of block `hash`, in block order;
    /// `nil` when the block body is not stored. Proof-of-work chains may answer `[]`.
    func authorityVotes(inBlock hash: Hash256) -> [CastVote]?
}

/// One `authorityVote` transaction as an engine counts it: who voted, and for what.
public struct CastVote: Hashable, Sendable {
    /// The transaction's sender; the vote counts only if it is an authority at that block.
    public var voter: PublicKey
    /// The candidate and the direction.
    public var vote: AuthorityVote

    /// Creates a cast vote.
    public init(voter: PublicKey, vote: AuthorityVote) {
        self.voter = voter
        self.vote = vote
    }

    /// The votes among `transactions`, in order (what a `ChainView` reports for a block).
    public static func votes(in transactions: [Transaction]) -> [CastVote] {
        transactions.compactMap { transaction in
            guard case let .authorityVote(vote) = transaction.payload else { return nil }
            return CastVote(voter: transaction.sender, vote: vote)
        }
    }
}

extension ChainView {
    /// The ancestor of `header` (or `header` itself) at `height`, found by walking parents so
    /// side branches work; `nil` if `height` is above `header` or a link is missing.
    public func ancestor(of header: BlockHeader, atHeight height: UInt64) -> BlockHeader? {
        guard height <= header.height else { return nil }
        var current = header
        while current.height > height {
            guard let parent = self.header(hash: current.parent) else { return nil }
            current = parent
        }
        return current
    }

    /// Timestamps of `header` and up to `count − 1` of its ancestors, newest first.
    public func recentTimestamps(endingAt header: BlockHeader, count: Int) -> [Int64] {
        var stamps: [Int64] = []
        stamps.reserveCapacity(Swift.max(count, 0))
        var current: BlockHeader? = header
        while let block = current, stamps.count < count {
            stamps.append(block.timestamp)
            current = block.height == 0 ? nil : self.header(hash: block.parent)
        }
        return stamps
    }

    /// The median time past at `header`: the median of its timestamp and those of its ten
    /// ancestors (fewer near genesis; the upper median of an even count).
    public func medianTimePast(at header: BlockHeader) -> Int64 {
        TimestampRule.median(recentTimestamps(endingAt: header, count: TimestampRule.medianWindow))
    }
}

import FolioConsensus
import FolioCore

/// An in-memory `ChainView` for engine tests: every header added is kept by id, the most
/// recently extended branch is the best chain, and votes are stored per block.
public struct InMemoryChainView: ChainView {
    /// The parameters the view reports.
    public let params: ChainParams
    /// Every header, by id.
    public private(set) var headersById: [Hash256: BlockHeader] = [:]
    /// The best chain by height (genesis first).
    public private(set) var bestChain: [BlockHeader] = []
    /// Votes per block id.
    public private(set) var votesByBlock: [Hash256: [CastVote]] = [:]

    /// A view holding only the genesis header derived from `params`.
    public init(params: ChainParams) {
        self.params = params
        let genesis = params.genesisBlock.header
        headersById[genesis.id] = genesis
        bestChain = [genesis]
        votesByBlock[genesis.id] = []
    }

    /// The best tip.
    public var tip: BlockHeader { bestChain[bestChain.count - 1] }

    /// Stores `header` with its `votes` and makes its branch the best chain.
    public mutating func add(_ header: BlockHeader, votes: [CastVote] = []) {
        let id = header.id
        headersById[id] = header
        votesByBlock[id] = votes
        var branch: [BlockHeader] = [header]
        var cursor = header
        while cursor.height > 0, let parent = headersById[cursor.parent] {
            branch.append(parent)
            cursor = parent
        }
        bestChain = branch.reversed()
    }

    public func header(hash: Hash256) -> BlockHeader? { headersById[hash] }

    public func header(atHeight height: UInt64) -> BlockHeader? {
        height < UInt64(bestChain.count) ? bestChain[Int(height)] : nil
    }

    public func authorityVotes(inBlock hash: Hash256) -> [CastVote]? { votesByBlock[hash] }
}

/// Builds header chains for tests, go-ethereum `chain_makers` style: each new header starts
/// from its parent (height + 1, parent id, time + `spacing`) and a callback adjusts it
/// before it is stored.
public struct HeaderChainBuilder {
    /// The chain built so far.
    public var view: InMemoryChainView
    /// Seconds added to the parent's time for each new header by default.
    public var spacing: Int64

    /// A builder on the genesis of `params`.
    public init(params: ChainParams, spacing: Int64 = 10) {
        view = InMemoryChainView(params: params)
        self.spacing = spacing
    }

    /// The header a child of `parent` starts as: same chain, seal kept from the parent.
    public func draft(after parent: BlockHeader) -> BlockHeader {
        BlockHeader(chainId: parent.chainId, height: parent.height + 1, parent: parent.id,
                    merkleRoot: MerkleTree.root(of: []), stateRoot: parent.stateRoot,
                    timestamp: parent.timestamp + spacing, seal: parent.seal)
    }

    /// Adds `count` headers on top of `parent` (default: the tip); `adjust` sees each draft
    /// with its index and may change it and name the votes it carries. Returns the headers.
    @discardableResult
    public mutating func extend<E: Error>(
        _ count: Int, from parent: BlockHeader? = nil,
        adjust: (_ index: Int, _ header: inout BlockHeader, _ votes: inout [CastVote]) throws(E) -> Void
    ) throws(E) -> [BlockHeader] {
        var current = parent ?? view.tip
        var made: [BlockHeader] = []
        for index in 0..<count {
            var header = draft(after: current)
            var votes: [CastVote] = []
            try adjust(index, &header, &votes)
            view.add(header, votes: votes)
            made.append(header)
            current = header
        }
        return made
    }

    /// Adds `count` unadjusted headers on top of `parent` (default: the tip).
    @discardableResult
    public mutating func extend(_ count: Int, from parent: BlockHeader? = nil) -> [BlockHeader] {
        extend(count, from: parent) { (_, _, _) throws(Never) in }
    }
}

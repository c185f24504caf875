import FolioCore
import FolioStore

/// What became of a block handed to `Chain.accept`.
public enum BlockStatus: Sendable, Equatable {
    /// It extended the main chain.
    case connected
    /// It made a side branch heavier than the main chain; `depth` blocks were disconnected.
    case reorganized(depth: Int)
    /// It is valid so far but its branch is not the heaviest; stored for later.
    case sideChain
    /// Its parent is unknown; held until the parent arrives.
    case orphan
    /// The chain already holds it.
    case duplicate
    /// It breaks a rule.
    case rejected(ChainRejection)
}

/// The result of `Chain.accept`: the block's status, the tip afterwards, and the blocks that
/// joined or left the main chain (orphans that connected included), for the mempool.
public struct BlockOutcome: Sendable {
    /// What happened to the block.
    public var status: BlockStatus
    /// The main-chain tip afterwards.
    public var tip: ChainTip
    /// Blocks connected, in order.
    public var connected: [Block] = []
    /// Blocks disconnected by reorgs, tip first.
    public var disconnected: [Block] = []

    /// Transactions of disconnected blocks that no connected block includes, in their
    /// original order: the mempool takes them back.
    public var returnedTransactions: [Transaction] {
        let included = Set(connected.flatMap { $0.transactions.map(\.id) })
        return disconnected.reversed().flatMap(\.transactions).filter { !included.contains($0.id) }
    }
}

/// Why a chain could not be opened.
public enum ChainOpenError: Error, Sendable, Equatable {
    /// The store's block at height 0 is not this chain's genesis.
    case wrongGenesis(stored: Hash256, expected: Hash256)
    /// The store failed.
    case store(StoreError)
    /// Applying the genesis allocations failed.
    case genesis(String)
}

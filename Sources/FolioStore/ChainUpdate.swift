import FolioCore

/// Connects a stored block to the tip of the main chain.
public struct ConnectBatch: Sendable {
    /// The block; it must already be stored (`storeBlock`) and its parent must be the tip.
    public var block: Block
    /// The transaction ids, in block order (the chain has computed them already).
    public var transactionIds: [Hash256]
    /// The block's writes to the state.
    public var changes: StateChanges
    /// The values those writes replace, kept to revert the block.
    public var undo: StateChanges

    /// Creates a connect batch.
    public init(block: Block, transactionIds: [Hash256], changes: StateChanges, undo: StateChanges) {
        self.block = block
        self.transactionIds = transactionIds
        self.changes = changes
        self.undo = undo
    }
}

/// One step of an atomic chain update.
public enum ChainUpdate: Sendable {
    /// Connect a block on the tip.
    case connect(ConnectBatch)
    /// Revert the tip block with its stored undo data; its parent becomes the tip.
    case disconnect(blockId: Hash256)
}

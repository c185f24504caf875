import FolioCore

/// Something that changed the node's ledger, for relays, the producer and metrics.
public enum LedgerEvent: Sendable {
    /// A block joined the main chain (one event per connected block, in order). `local`
    /// says this node produced it; `reorgDepth` is how many blocks left the main chain first.
    case blockConnected(Block, local: Bool, reorgDepth: Int)
    /// A transaction entered the mempool; `local` says it came through RPC rather than a peer.
    case transactionAdded(Transaction, local: Bool)
}

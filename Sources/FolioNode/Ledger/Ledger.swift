import FolioChain
import FolioCore
import FolioMempool
import FolioStore
import Foundation

/// The one door every block and transaction goes through, whether it comes from RPC, a peer
/// or this node's producer: the chain accepts it, the mempool follows the new tip, and the
/// observers (relay, producer, metrics) hear about it.
public actor Ledger {
    /// The chain.
    public nonisolated let chain: Chain
    /// Pending transactions.
    public nonisolated let mempool: Mempool
    /// Unix seconds, for mempool ages.
    let clock: @Sendable () -> Int64
    private var observers: [UInt64: @Sendable (LedgerEvent) -> Void] = [:]
    private var nextObserver: UInt64 = 0

    /// A ledger over `chain` and `mempool`.
    public init(chain: Chain, mempool: Mempool, clock: @escaping @Sendable () -> Int64) {
        self.chain = chain
        self.mempool = mempool
        self.clock = clock
    }

    /// The store behind the chain (thread-safe; readers query it directly).
    public nonisolated var store: any ChainStore { chain.store }

    /// Calls `handler` for every later event until `removeObserver` with the returned token.
    /// Handlers run on the ledger's executor and must not block: hand work to a task.
    public func addObserver(_ handler: @escaping @Sendable (LedgerEvent) -> Void) -> UInt64 {
        nextObserver += 1
        observers[nextObserver] = handler
        return nextObserver
    }

    /// Stops calling the handler registered under `token`.
    public func removeObserver(_ token: UInt64) {
        observers[token] = nil
    }

    /// Admits a transaction to the mempool (or says why not) and announces it.
    public func submit(_ transaction: Transaction, local: Bool) async throws(MempoolRejection) -> Hash256 {
        try await mempool.add(transaction, now: clock())
        publish(.transactionAdded(transaction, local: local))
        return transaction.id
    }

    /// Hands a block to the chain, brings the mempool up to the new tip and announces every
    /// block that joined the main chain.
    public func accept(_ block: Block, local: Bool) async -> BlockOutcome {
        let outcome = await chain.accept(block)
        guard !outcome.connected.isEmpty else { return outcome }
        await mempool.update(after: outcome, now: clock())
        var depth = outcome.disconnected.count
        for connected in outcome.connected {
            publish(.blockConnected(connected, local: local && connected.id == block.id, reorgDepth: depth))
            depth = 0
        }
        return outcome
    }

    private func publish(_ event: LedgerEvent) {
        for handler in observers.values { handler(event) }
    }
}

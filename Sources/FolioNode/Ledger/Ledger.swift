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
    /// Transactions the producer found breaking a rule at the tip, with the reason, so that
    /// `tx_get` can say what became of them. Bounded: the oldest are forgotten first.
    private var refusals: [Hash256: String] = [:]
    private var refusalOrder: [Hash256] = []
    static let refusalMemory = 1000
    private var importObserver: (@Sendable (Duration) -> Void)?
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

    /// Calls `handler` with the time each block handed to `accept` took.
    public func setImportObserver(_ handler: @escaping @Sendable (Duration) -> Void) {
        importObserver = handler
    }

    /// Stops calling the handler registered under `token`.
    public func removeObserver(_ token: UInt64) {
        observers[token] = nil
    }

    /// Admits a transaction to the mempool (or says why not) and announces it. A transaction
    /// that does not wait on earlier pending ones is first applied to the tip's state in a dry
    /// run, so a near-duplicate work or a refused licence use is refused here, with its reason,
    /// rather than dropped silently when a block is built.
    public func submit(_ transaction: Transaction, local: Bool) async throws(SubmissionRefusal) -> Hash256 {
        try await dryRun(transaction)
        do { try await mempool.add(transaction, now: clock()) } catch { throw SubmissionRefusal(error) }
        publish(.transactionAdded(transaction, local: local))
        return transaction.id
    }

    /// Hands a block to the chain, brings the mempool up to the new tip and announces every
    /// block that joined the main chain.
    public func accept(_ block: Block, local: Bool) async -> BlockOutcome {
        let start = ContinuousClock.now
        let outcome = await chain.accept(block)
        importObserver?(ContinuousClock.now - start)
        guard !outcome.connected.isEmpty else { return outcome }
        await mempool.update(after: outcome, now: clock())
        var depth = outcome.disconnected.count
        for connected in outcome.connected {
            publish(.blockConnected(connected, local: local && connected.id == block.id, reorgDepth: depth))
            depth = 0
        }
        return outcome
    }

    /// Why the producer dropped transaction `id`, if it did.
    public func refusal(of id: Hash256) -> String? { refusals[id] }

    /// Drops `transaction` from the mempool because it breaks a rule at the tip.
    public func refuse(_ id: Hash256, reason: String) async {
        await mempool.evict(id)
        if refusals.updateValue(reason, forKey: id) == nil { refusalOrder.append(id) }
        if refusalOrder.count > Self.refusalMemory { refusals[refusalOrder.removeFirst()] = nil }
    }

    private func dryRun(_ transaction: Transaction) async throws(SubmissionRefusal) {
        guard let seal = Seal.placeholder(for: chain.params) else { return }
        let account: AccountRecord
        do { account = try chain.accountAtTip(transaction.senderAddress) } catch { throw SubmissionRefusal(error) }
        // A later nonce depends on pending transactions; the mempool's own checks cover it.
        guard transaction.nonce == account.nonce else { return }
        let tip = await chain.tip
        do {
            _ = try await chain.blockTemplate(parent: tip.id, transactions: [transaction], timestamp: clock(), seal: seal)
        } catch {
            throw SubmissionRefusal(error)
        }
    }

    private func publish(_ event: LedgerEvent) {
        for handler in observers.values { handler(event) }
    }
}

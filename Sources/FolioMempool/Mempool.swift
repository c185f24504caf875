import FolioChain
import FolioCore

/// Pending transactions under this node's policy. Reads account state from the chain's store
/// (the tip), never writes it. One actor owns the pool.
public actor Mempool {
    /// The policy in force.
    public let policy: MempoolPolicy
    let chain: Chain
    var entries: [Hash256: PoolEntry] = [:]
    /// Pending ids by sender and nonce.
    var bySender: [Address: [UInt64: Hash256]] = [:]

    /// A pool for `chain` under `policy`.
    public init(chain: Chain, policy: MempoolPolicy = MempoolPolicy()) {
        self.chain = chain
        self.policy = policy
    }

    /// Transactions waiting.
    public var count: Int { entries.count }

    /// Whether the pool holds the transaction with `id`.
    public func contains(_ id: Hash256) -> Bool { entries[id] != nil }

    /// The pending transaction with `id`, if the pool holds it.
    public func transaction(_ id: Hash256) -> Transaction? { entries[id]?.transaction }

    /// The nonce after the run of pending transactions from `sender` that starts at its
    /// confirmed next nonce `confirmed`: what the sender should sign with next.
    public func nextNonce(for sender: Address, confirmed: UInt64) -> UInt64 {
        var next = confirmed
        while let nonces = bySender[sender], nonces[next] != nil { next += 1 }
        return next
    }

    /// Drops the transaction with `id` (a producer found it breaks a rule at the tip).
    public func evict(_ id: Hash256) { remove(id) }

    /// Every pending transaction, in no particular order (for the explorer and RPC).
    public func all() -> [Transaction] { entries.values.map(\.transaction) }

    /// Admits `transaction` at time `now` (unix seconds) or says why not. Returns the
    /// transactions it displaced (a same-nonce replacement, or an eviction when full).
    @discardableResult
    public func add(_ transaction: Transaction, now: Int64) throws(MempoolRejection) -> [Transaction] {
        let entry = PoolEntry(transaction: transaction, id: transaction.id, size: transaction.canonicalBytes.count, added: now)
        guard entries[entry.id] == nil else { throw .alreadyKnown }
        do { try chain.checkContextFree(transaction) } catch { throw .invalid(error) }
        guard transaction.fee >= policy.minimumFee else { throw .feeBelowMinimum }
        let sender = transaction.senderAddress
        let account = try accountState(sender)
        guard transaction.nonce >= account.nonce else { throw .nonceUsed }
        guard transaction.nonce - account.nonce <= policy.maxNonceGap else { throw .nonceGapTooLarge }
        var displaced: [PoolEntry] = []
        if let existingId = bySender[sender]?[transaction.nonce], let existing = entries[existingId] {
            guard transaction.fee > existing.transaction.fee else { throw .replacementFeeTooLow }
            displaced.append(existing)
        }
        // Every pending transaction of the sender up to this nonce must be payable together.
        var committed: UInt64 = entry.cost
        for (nonce, id) in bySender[sender] ?? [:] where nonce < transaction.nonce {
            committed = committed.addingReportingOverflow(entries[id]?.cost ?? 0).partialValue
        }
        guard committed <= account.balance.baseUnits else { throw .insufficientBalance }
        if displaced.isEmpty, entries.count >= policy.capacity {
            guard let cheapest = entries.values.min(by: { $0.paysLessPerByte(than: $1) }), cheapest.paysLessPerByte(than: entry) else {
                throw .poolFull
            }
            displaced.append(cheapest)
        }
        for old in displaced { remove(old.id) }
        entries[entry.id] = entry
        bySender[sender, default: [:]][transaction.nonce] = entry.id
        return displaced.map(\.transaction)
    }

    /// Transactions ready for a block, at most `limit`: for each sender a run of consecutive
    /// nonces from its account's next nonce, taken highest fee rate first among the heads.
    public func ready(limit: Int) -> [Transaction] {
        var queues: [[PoolEntry]] = []
        for (sender, nonces) in bySender {
            guard let start = try? accountState(sender).nonce else { continue }
            var run: [PoolEntry] = []
            var next = start
            while let id = nonces[next], let entry = entries[id] {
                run.append(entry)
                next += 1
            }
            if !run.isEmpty { queues.append(run) }
        }
        var picked: [Transaction] = []
        while picked.count < limit {
            let heads = queues.indices.filter { !queues[$0].isEmpty }
            guard let best = heads.max(by: { queues[$0][0].paysLessPerByte(than: queues[$1][0]) }) else { break }
            picked.append(queues[best].removeFirst().transaction)
        }
        return picked
    }

    func remove(_ id: Hash256) {
        guard let entry = entries.removeValue(forKey: id) else { return }
        let sender = entry.transaction.senderAddress
        bySender[sender]?[entry.transaction.nonce] = nil
        if bySender[sender]?.isEmpty == true { bySender[sender] = nil }
    }

    func accountState(_ address: Address) throws(MempoolRejection) -> AccountRecord {
        do { return try chain.accountAtTip(address) } catch { throw MempoolRejection("store-failure") }
    }
}

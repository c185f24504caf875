import FolioCore

/// The context-free stage: what can be checked from the block's bytes alone (size, counts,
/// Merkle root, duplicate transactions, chain ids, share splits, signatures). Nothing here
/// reads the chain, so it can run before the parent is known.
enum BlockSanity {
    /// Checks `block` and returns its transaction ids in order.
    static func check(_ block: Block, params: ChainParams) async throws(ChainRejection) -> [Hash256] {
        guard block.transactions.count <= params.maxTransactionsPerBlock else {
            throw .peer(ChainReason.tooManyTransactions)
        }
        guard block.canonicalBytes.count <= params.maxBlockBytes else { throw .peer(ChainReason.blockTooLarge) }
        let ids = block.transactions.map(\.id)
        guard MerkleTree.root(of: ids) == block.header.merkleRoot else { throw .peer(ChainReason.badMerkleRoot) }
        guard Set(ids).count == ids.count else { throw .peer(ChainReason.duplicateTransaction) }
        for (index, transaction) in block.transactions.enumerated() {
            try checkTransaction(transaction, id: ids[index], params: params)
        }
        if let bad = await firstBadSignature(in: block.transactions) {
            throw .peer(ChainReason.badSignature, transaction: ids[bad])
        }
        return ids
    }

    /// The checks on one transaction that need no state; the mempool runs them too.
    static func checkTransaction(_ transaction: Transaction, id: Hash256, params: ChainParams) throws(ChainRejection) {
        guard transaction.chainId == params.chainId else { throw .peer(ChainReason.wrongChainId, transaction: id) }
        switch transaction.payload {
        case let .registerWork(registration):
            do { try registration.validate() } catch { throw .peer(ChainReason.badShares, transaction: id) }
        case let .reportUsage(report):
            guard report.period.start < report.period.end else { throw .peer(ChainReason.badPeriod, transaction: id) }
        default:
            break
        }
    }

    /// Whether one transaction's signature verifies.
    static func hasValidSignature(_ transaction: Transaction) -> Bool {
        transaction.sender.isValidSignature(transaction.signature, for: transaction.signingBytes)
    }

    /// The index of the first transaction whose signature fails, checking slices of the block
    /// on every core at once.
    static func firstBadSignature(in transactions: [Transaction]) async -> Int? {
        let cores = max(1, ProcessInfoCores.count)
        guard transactions.count > 1, cores > 1 else {
            return transactions.firstIndex { !hasValidSignature($0) }
        }
        let sliceSize = (transactions.count + cores - 1) / cores
        return await withTaskGroup(of: Int?.self) { group in
            for start in stride(from: 0, to: transactions.count, by: sliceSize) {
                let slice = Array(transactions[start..<min(start + sliceSize, transactions.count)])
                group.addTask {
                    slice.firstIndex { !hasValidSignature($0) }.map { start + $0 }
                }
            }
            var first: Int?
            for await bad in group {
                if let bad { first = min(first ?? bad, bad) }
            }
            return first
        }
    }
}

extension Chain {
    /// The checks on a lone transaction that need no state: chain id, share split, period,
    /// and the signature. The mempool runs these before anything else.
    public nonisolated func checkContextFree(_ transaction: Transaction) throws(ChainRejection) {
        let id = transaction.id
        try BlockSanity.checkTransaction(transaction, id: id, params: params)
        guard BlockSanity.hasValidSignature(transaction) else { throw .peer(ChainReason.badSignature, transaction: id) }
    }
}

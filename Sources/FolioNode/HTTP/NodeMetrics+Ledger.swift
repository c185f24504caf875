extension NodeMetrics {
    /// Keeps the chain, reorg and mempool gauges current from the ledger's events.
    func observe(_ ledger: Ledger) async {
        chainHeight.record(Double(await ledger.chain.tip.height))
        let metrics = self
        _ = await ledger.addObserver { event in
            switch event {
            case let .blockConnected(block, _, reorgDepth):
                metrics.chainHeight.record(Double(block.header.height))
                metrics.recordReorg(depth: reorgDepth)
            case .transactionAdded:
                break
            }
            Task { metrics.mempoolSize.record(Double(await ledger.mempool.count)) }
        }
        await ledger.setImportObserver { duration in metrics.blockImportDuration.record(duration) }
    }
}

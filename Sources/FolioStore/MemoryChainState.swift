import FolioCore

/// A stored block with its fork-choice score.
struct BlockEntryWithBody: Sendable {
    var block: Block
    var score: [UInt8]
}

/// The tables of `InMemoryChainStore`, with the derived indexes kept beside them.
struct MemoryChainState: Sendable {
    var blocks: [Hash256: BlockEntryWithBody] = [:]
    var mainChain: [UInt64: Hash256] = [:]
    var transactions: [Hash256: TransactionLocation] = [:]
    var undo: [Hash256: StateChanges] = [:]
    var tip: ChainTip?
    var accounts: [Address: AccountRecord] = [:]
    var works: [WorkId: WorkRecord] = [:]
    var workLinks: [WorkId: [SimilarWork]] = [:]
    var templates: [TemplateId: TemplateRecord] = [:]
    var offers: [OfferId: OfferRecord] = [:]
    var licences: [LicenceId: LicenceRecord] = [:]
    var metadata: [String: [UInt8]] = [:]
    var worksByOwner: [Address: Set<WorkId>] = [:]
    /// Key: chunk index × 65,536 + chunk value.
    var chunkIndex: [Int: Set<WorkId>] = [:]

    mutating func connect(_ batch: ConnectBatch) throws(StoreError) {
        let header = batch.block.header
        let id = header.id
        guard blocks[id] != nil else { throw .inconsistent("block \(id) is connected before it is stored") }
        try checkExtendsTip(header)
        guard batch.transactionIds.count == batch.block.transactions.count else {
            throw .inconsistent("\(batch.transactionIds.count) ids for \(batch.block.transactions.count) transactions")
        }
        for (index, txId) in batch.transactionIds.enumerated() {
            transactions[txId] = TransactionLocation(blockId: id, height: header.height, index: index)
        }
        mainChain[header.height] = id
        undo[id] = batch.undo
        apply(batch.changes)
        tip = ChainTip(id: id, height: header.height)
    }

    mutating func disconnect(_ blockId: Hash256) throws(StoreError) {
        guard let tip, tip.id == blockId else { throw .inconsistent("block \(blockId) is not the tip") }
        guard let block = blocks[blockId]?.block, let blockUndo = undo[blockId] else {
            throw .inconsistent("no block or undo data for tip \(blockId)")
        }
        for transaction in block.transactions { transactions[transaction.id] = nil }
        mainChain[tip.height] = nil
        undo[blockId] = nil
        apply(blockUndo)
        self.tip = tip.height == 0 ? nil : ChainTip(id: block.header.parent, height: tip.height - 1)
    }

    private func checkExtendsTip(_ header: BlockHeader) throws(StoreError) {
        if let tip {
            guard header.parent == tip.id, header.height == tip.height + 1 else {
                throw .inconsistent("block at height \(header.height) does not extend tip \(tip.id) at \(tip.height)")
            }
        } else if header.height != 0 {
            throw .inconsistent("the first connected block must be at height 0, not \(header.height)")
        }
    }

    mutating func apply(_ changes: StateChanges) {
        for (key, value) in changes.accounts { accounts[key] = value }
        for (key, value) in changes.works { setWork(key, value) }
        for (key, value) in changes.workLinks { workLinks[key] = value }
        for (key, value) in changes.templates { templates[key] = value }
        for (key, value) in changes.offers { offers[key] = value }
        for (key, value) in changes.licences { licences[key] = value }
        for (key, value) in changes.metadata { metadata[key] = value }
    }

    private mutating func setWork(_ id: WorkId, _ record: WorkRecord?) {
        if let old = works[id] {
            for owner in old.owners { worksByOwner[owner.owner]?.remove(id) }
            for (index, value) in FingerprintChunks.chunks(of: old.registration.fingerprint).enumerated() {
                chunkIndex[index << 16 | Int(value)]?.remove(id)
            }
        }
        works[id] = record
        guard let record else { return }
        for owner in record.owners { worksByOwner[owner.owner, default: []].insert(id) }
        for (index, value) in FingerprintChunks.chunks(of: record.registration.fingerprint).enumerated() {
            chunkIndex[index << 16 | Int(value), default: []].insert(id)
        }
    }

    func search(_ fingerprint: Fingerprint, within distance: Int) -> [SimilarWork] {
        guard distance >= 0 else { return [] }
        let radius = FingerprintChunks.radius(for: distance)
        var candidates = Set<WorkId>()
        for (index, value) in FingerprintChunks.chunks(of: fingerprint).enumerated() {
            for probe in FingerprintChunks.probes(around: value, radius: radius) {
                if let hits = chunkIndex[index << 16 | Int(probe)] { candidates.formUnion(hits) }
            }
        }
        var matches: [SimilarWork] = []
        for id in candidates {
            guard let work = works[id] else { continue }
            let found = work.registration.fingerprint.distance(to: fingerprint)
            if found <= distance { matches.append(SimilarWork(workId: id, distance: found)) }
        }
        return matches.sorted()
    }
}

import FolioCore
import Synchronization

/// A `ChainStore` held in memory: for tests, tools and short-lived nodes. Every `apply`
/// works on a copy of the state and swaps it in only when all updates succeeded, so a failed
/// batch leaves nothing behind, exactly as a rolled-back SQLite transaction does.
public final class InMemoryChainStore: ChainStore {
    private let state = Mutex(MemoryChainState())

    /// Creates an empty store.
    public init() {}

    public func storeBlock(_ block: Block, score: [UInt8]) throws(StoreError) {
        state.withLock { state in
            if state.blocks[block.id] == nil { state.blocks[block.id] = BlockEntryWithBody(block: block, score: score) }
        }
    }

    public func block(id: Hash256) throws(StoreError) -> Block? { state.withLock { $0.blocks[id]?.block } }

    public func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry? {
        state.withLock { state in
            state.blocks[id].map { BlockEntry(header: $0.block.header, score: $0.score) }
        }
    }

    public func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256? {
        state.withLock { $0.mainChain[height] }
    }

    public func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)? {
        state.withLock { state in
            guard let location = state.transactions[id],
                  let block = state.blocks[location.blockId]?.block,
                  block.transactions.indices.contains(location.index) else { return nil }
            return (block.transactions[location.index], location)
        }
    }

    public func undo(blockId: Hash256) throws(StoreError) -> StateChanges? { state.withLock { $0.undo[blockId] } }
    public func tip() throws(StoreError) -> ChainTip? { state.withLock { $0.tip } }
    public func account(_ address: Address) throws(StoreError) -> AccountRecord? { state.withLock { $0.accounts[address] } }
    public func work(_ id: WorkId) throws(StoreError) -> WorkRecord? { state.withLock { $0.works[id] } }

    public func works(ownedBy owner: Address) throws(StoreError) -> [WorkId] {
        state.withLock { ($0.worksByOwner[owner] ?? []).sorted() }
    }

    public func workLinks(_ id: WorkId) throws(StoreError) -> [SimilarWork]? { state.withLock { $0.workLinks[id] } }

    public func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork] {
        state.withLock { $0.search(fingerprint, within: distance) }
    }

    public func workFingerprints() throws(StoreError) -> [(id: WorkId, fingerprint: Fingerprint)] {
        state.withLock { state in state.works.map { ($0.key, $0.value.registration.fingerprint) } }.sorted { $0.id < $1.id }
    }

    public func template(_ id: TemplateId) throws(StoreError) -> TemplateRecord? { state.withLock { $0.templates[id] } }
    public func offer(_ id: OfferId) throws(StoreError) -> OfferRecord? { state.withLock { $0.offers[id] } }

    public func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord] {
        state.withLock { state in state.offers.values.filter { $0.offer.workId == work }.sorted { $0.id < $1.id } }
    }

    public func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord? { state.withLock { $0.licences[id] } }

    public func licences(forWork work: WorkId) throws(StoreError) -> [LicenceRecord] {
        state.withLock { state in state.licences.values.filter { $0.workId == work }.sorted { $0.id < $1.id } }
    }

    public func metadata(_ key: String) throws(StoreError) -> [UInt8]? { state.withLock { $0.metadata[key] } }

    public func apply(_ updates: [ChainUpdate]) throws(StoreError) {
        try state.withLock { (state: inout MemoryChainState) throws(StoreError) in
            var copy = state
            for update in updates {
                switch update {
                case let .connect(batch): try copy.connect(batch)
                case let .disconnect(blockId): try copy.disconnect(blockId)
                }
            }
            state = copy
        }
    }
}

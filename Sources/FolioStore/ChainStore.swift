import FolioCore

/// Durable chain state: blocks (main and side chains), the main-chain index, transactions by
/// id, the state tables with their derived indexes, per-block undo data, the tip and chain
/// metadata.
///
/// Writes that move the tip happen only through `apply(_:)`, which runs a list of
/// connects and disconnects as one atomic unit: after a crash the store holds either all of
/// it or none of it. Reads see the last completed `apply`. Implementations are thread-safe.
public protocol ChainStore: AnyObject, Sendable {
    // MARK: Blocks

    /// Stores a block that may or may not join the main chain; storing it again is a no-op.
    func storeBlock(_ block: Block, score: [UInt8]) throws(StoreError)
    /// The block with `id`, main chain or not.
    func block(id: Hash256) throws(StoreError) -> Block?
    /// The header and score of the block with `id`.
    func blockEntry(id: Hash256) throws(StoreError) -> BlockEntry?
    /// The id of the main-chain block at `height`.
    func mainChainId(atHeight height: UInt64) throws(StoreError) -> Hash256?
    /// The main-chain block at `height` (a store may answer in one look-up instead of two).
    func block(atHeight height: UInt64) throws(StoreError) -> Block?
    /// A main-chain transaction and where it sits.
    func transaction(id: Hash256) throws(StoreError) -> (Transaction, TransactionLocation)?
    /// The undo data of a main-chain block.
    func undo(blockId: Hash256) throws(StoreError) -> StateChanges?
    /// The main-chain tip, or nil before genesis is connected.
    func tip() throws(StoreError) -> ChainTip?

    // MARK: State

    /// An account.
    func account(_ address: Address) throws(StoreError) -> AccountRecord?
    /// A registered work.
    func work(_ id: WorkId) throws(StoreError) -> WorkRecord?
    /// Works in which `owner` holds a share now, sorted by id.
    func works(ownedBy owner: Address) throws(StoreError) -> [WorkId]
    /// The "similar to" links recorded for a work.
    func workLinks(_ id: WorkId) throws(StoreError) -> [SimilarWork]?
    /// Registered works whose fingerprint is within `distance` bits of `fingerprint`, through
    /// the chunk index (no table scan), nearest first.
    func works(near fingerprint: Fingerprint, within distance: Int) throws(StoreError) -> [SimilarWork]
    /// Every registered work's id and fingerprint, in id order: what an in-memory similarity
    /// index is built from when a node starts.
    func workFingerprints() throws(StoreError) -> [(id: WorkId, fingerprint: Fingerprint)]
    /// A published template.
    func template(_ id: TemplateId) throws(StoreError) -> TemplateRecord?
    /// An offer.
    func offer(_ id: OfferId) throws(StoreError) -> OfferRecord?
    /// Offers on a work, sorted by id.
    func offers(forWork work: WorkId) throws(StoreError) -> [OfferRecord]
    /// A licence.
    func licence(_ id: LicenceId) throws(StoreError) -> LicenceRecord?
    /// Licences on a work, sorted by id.
    func licences(forWork work: WorkId) throws(StoreError) -> [LicenceRecord]
    /// A chain metadata value.
    func metadata(_ key: String) throws(StoreError) -> [UInt8]?

    // MARK: Writes

    /// Runs `updates` in order as one atomic unit (one database transaction). A connect must
    /// extend the tip as it stands after the updates before it; a disconnect must name that
    /// tip. Anything else throws `.inconsistent` and nothing is written.
    func apply(_ updates: [ChainUpdate]) throws(StoreError)
}

extension ChainStore {
    /// The main-chain block at `height`: its id, then the block.
    public func block(atHeight height: UInt64) throws(StoreError) -> Block? {
        guard let id = try mainChainId(atHeight: height) else { return nil }
        return try block(id: id)
    }

    /// An account, or a zero balance and nonce when it has never been written.
    public func accountOrEmpty(_ address: Address) throws(StoreError) -> AccountRecord {
        try account(address) ?? AccountRecord(balance: .zero, nonce: 0)
    }
}

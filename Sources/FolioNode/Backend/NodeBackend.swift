import FolioAPI
import FolioCore

/// What the RPC handlers and the explorer ask of the node. The handlers parse and check every
/// parameter first, so a backend only ever sees well-formed ids, addresses and fingerprints.
///
/// Implementations: `GenesisBackend` (answers from the genesis block alone, until the chain
/// service is wired in) and, later, one over the `Chain` actor, mempool and peer manager.
public protocol NodeBackend: Sendable {
    /// The chain parameters this node runs with.
    var params: ChainParams { get }
    /// The tip, the genesis id and the sync status.
    func chainInfo() async throws(BackendError) -> ChainInfoResult
    /// The block with `id`, or at `height` on the best chain.
    func block(_ locator: BlockLocator) async throws(BackendError) -> BlockSummary
    /// The most recent blocks on the best chain, newest first.
    func latestBlocks(count: Int) async throws(BackendError) -> [BlockSummary]
    /// Whether the node is caught up.
    func syncStatus() async -> SyncStatus
    /// Connected peers.
    func peers() async -> [PeerSummary]
    /// An account's balance and next nonce.
    func account(_ address: Address) async throws(BackendError) -> AccountSummary
    /// Hands a decoded transaction to the mempool; returns its id.
    func submit(_ transaction: Transaction) async throws(BackendError) -> Hash256
    /// A transaction, pending or confirmed.
    func transaction(_ id: Hash256) async throws(BackendError) -> TransactionSummary
    /// A registered work.
    func work(_ id: WorkId) async throws(BackendError) -> WorkSummary
    /// Registered works within the similarity threshold of `fingerprint`, nearest first.
    func similarWorks(to fingerprint: Fingerprint, limit: Int) async throws(BackendError) -> [SimilarWork]
    /// Works `owner` holds a share in now, newest registration first, at most `limit` of them
    /// (the handler has already checked `limit` against `WorkListParams.maxLimit`).
    func works(ownedBy owner: Address, limit: Int) async throws(BackendError) -> [WorkSummary]
    /// Works registered as derivatives of `id` (declaring it a parent), oldest first, at most
    /// `limit` of them, with their total and how far the node has indexed the chain.
    func derivatives(of id: WorkId, limit: Int) async throws(BackendError) -> DerivativeList
    /// A licence offer.
    func offer(_ id: OfferId) async throws(BackendError) -> OfferSummary
    /// A granted licence.
    func licence(_ id: LicenceId) async throws(BackendError) -> LicenceSummary
    /// A published licence-terms template.
    func template(_ id: TemplateId) async throws(BackendError) -> TemplateSummary
}

extension NodeBackend {
    /// A backend without a chain to index has no derivatives to list.
    public func derivatives(of id: WorkId, limit: Int) async throws(BackendError) -> DerivativeList {
        throw .unavailable("this node keeps no index of derivative works")
    }
}

/// A block named by id or by height on the best chain.
public enum BlockLocator: Hashable, Sendable {
    /// By id.
    case id(Hash256)
    /// By height.
    case height(UInt64)
}

/// Why a backend could not answer.
public enum BackendError: Error, Equatable, Sendable {
    /// Nothing with that id or height is known; the text names it ("block 7").
    case notFound(String)
    /// The backend does not serve this yet; the text says what is missing.
    case unavailable(String)
    /// A submitted transaction was refused; the text says why.
    case rejected(String)
    /// Something failed inside the node; the text is for the log.
    case failed(String)
}

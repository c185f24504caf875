import FolioAPI
import FolioCore

/// Answers from the genesis block and chain parameters alone: height 0, the prefunded
/// balances, no works, offers or licences, no peers. Every answer is true of a node that has
/// validated only genesis; anything that needs the chain, mempool or network says it is
/// unavailable rather than inventing data.
public struct GenesisBackend: NodeBackend {
    /// The chain parameters.
    public let params: ChainParams
    /// Whether this node is a single-node dev chain (sync state `standalone`) or expects peers.
    let standalone: Bool

    /// Creates the backend.
    public init(params: ChainParams, standalone: Bool) {
        self.params = params
        self.standalone = standalone
    }

    public func chainInfo() async throws(BackendError) -> ChainInfoResult {
        let genesis = params.genesisBlock
        return ChainInfoResult(
            chainId: params.chainId, network: params.network.rawValue, engine: params.consensus.engineName,
            genesisId: genesis.id.hex, height: 0, bestBlockId: genesis.id.hex,
            bestBlockTime: genesis.header.timestamp, sync: await syncStatus())
    }

    public func block(_ locator: BlockLocator) async throws(BackendError) -> BlockSummary {
        let genesis = params.genesisBlock
        switch locator {
        case let .id(id) where id == genesis.id: return BlockSummary(genesis)
        case .height(0): return BlockSummary(genesis)
        case let .id(id): throw .notFound("block \(id.hex)")
        case let .height(height): throw .notFound("block at height \(height)")
        }
    }

    public func latestBlocks(count: Int) async throws(BackendError) -> [BlockSummary] {
        count > 0 ? [BlockSummary(params.genesisBlock)] : []
    }

    public func syncStatus() async -> SyncStatus {
        SyncStatus(state: standalone ? .standalone : .noPeers, validatedHeight: 0, knownHeight: 0, peers: 0)
    }

    public func peers() async -> [PeerSummary] { [] }

    public func account(_ address: Address) async throws(BackendError) -> AccountSummary {
        let balance = params.prefunded.first { $0.address == address }?.amount ?? .zero
        return AccountSummary(address: address.bech32m(on: params.network), balance: balance.description, nonce: 0)
    }

    public func submit(_ transaction: Transaction) async throws(BackendError) -> Hash256 {
        throw .unavailable("this node runs without a mempool yet, so it cannot accept transactions")
    }

    public func transaction(_ id: Hash256) async throws(BackendError) -> TransactionSummary {
        throw .notFound("transaction \(id.hex)")
    }

    public func work(_ id: WorkId) async throws(BackendError) -> WorkSummary {
        throw .notFound("work \(id.hex)")
    }

    public func similarWorks(to fingerprint: Fingerprint, limit: Int) async throws(BackendError) -> [SimilarWork] {
        []
    }

    public func works(ownedBy owner: Address, limit: Int) async throws(BackendError) -> [WorkSummary] {
        []
    }

    public func offer(_ id: OfferId) async throws(BackendError) -> OfferSummary {
        throw .notFound("licence offer \(id.hex)")
    }

    public func licence(_ id: LicenceId) async throws(BackendError) -> LicenceSummary {
        throw .notFound("licence \(id.hex)")
    }

    public func template(_ id: TemplateId) async throws(BackendError) -> TemplateSummary {
        throw .notFound("licence template \(id.hex)")
    }
}

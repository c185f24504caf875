import FolioConsensus
import FolioCore
import FolioStore

/// The ledger's single owner: accepts blocks in stages (sanity → context → connect), keeps the
/// heaviest branch as the main chain by the engine's score, reorganises atomically with undo
/// data, and holds orphans until their parents arrive.
public actor Chain {
    /// The chain parameters.
    public nonisolated let params: ChainParams
    /// The store; readers may query it directly (it is thread-safe).
    public nonisolated let store: any ChainStore
    let engine: any ConsensusEngine
    let licences: any LicenceEngine
    let clock: @Sendable () -> Int64
    let producer: @Sendable (BlockHeader) -> Address?
    /// Orphans kept at most.
    let orphanCap: Int

    var tipState: ChainTip
    var tipScore: ChainWork
    var invalid = Set<Hash256>()
    var orphansByParent: [Hash256: [Block]] = [:]
    var orphanIds = Set<Hash256>()

    /// Opens the chain on `store`, connecting genesis (and its prefunded accounts) if the
    /// store is empty. `clock` gives unix seconds for the future-timestamp rule; `producer`
    /// names the account a block's reward and fees go to (default: `Chain.sealProducer`).
    public init(
        params: ChainParams, store: any ChainStore, engine: any ConsensusEngine, licences: any LicenceEngine,
        clock: @escaping @Sendable () -> Int64, producer: @escaping @Sendable (BlockHeader) -> Address? = Chain.sealProducer,
        orphanCap: Int = 100
    ) throws(ChainOpenError) {
        self.params = params
        self.store = store
        self.engine = engine
        self.licences = licences
        self.clock = clock
        self.producer = producer
        self.orphanCap = orphanCap
        do {
            if let tip = try store.tip() {
                let stored = try store.mainChainId(atHeight: 0) ?? .zero
                guard stored == params.genesisId else { throw ChainOpenError.wrongGenesis(stored: stored, expected: params.genesisId) }
                tipState = tip
                tipScore = try store.blockEntry(id: tip.id).flatMap { ChainWork(storedBytes: $0.score) } ?? .zero
            } else {
                try Self.connectGenesis(params: params, store: store)
                tipState = ChainTip(id: params.genesisId, height: 0)
                tipScore = .zero
            }
        } catch let error as ChainOpenError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .genesis("\(error)")
        }
    }

    private static func connectGenesis(params: ChainParams, store: any ChainStore) throws {
        var overlay = try StateOverlay(store: store)
        for allocation in params.prefunded {
            try overlay.setAccount(allocation.address, AccountRecord(balance: allocation.amount, nonce: 0))
        }
        let (changes, undo) = overlay.finishBlock()
        let genesis = params.genesisBlock
        try store.storeBlock(genesis, score: ChainWork.zero.storedBytes)
        try store.apply([.connect(ConnectBatch(block: genesis, transactionIds: [], changes: changes, undo: undo))])
    }

    /// Who a block pays its reward and fees to: a proof-of-authority block its sealing
    /// authority, a proof-of-work block the payee in its seal (none for the zero address).
    public static func sealProducer(_ header: BlockHeader) -> Address? {
        switch header.seal {
        case let .proofOfAuthority(seal): return Address(publicKey: seal.authority)
        case let .proofOfWork(seal): return seal.payee == .zero ? nil : seal.payee
        }
    }

    /// The main-chain tip.
    public var tip: ChainTip { tipState }

    /// The state root at the tip (genesis commits to the parameters instead).
    public func stateRoot() throws(StoreError) -> Hash256 {
        try StateOverlay(store: store).accumulator.root
    }

    /// Accepts a block from a peer, the node's producer or a test.
    public func accept(_ block: Block) async -> BlockOutcome {
        var outcome = BlockOutcome(status: .duplicate, tip: tipState)
        outcome.status = await acceptOne(block, into: &outcome)
        if case .orphan = outcome.status {} else { await adoptOrphans(of: block.id, into: &outcome) }
        outcome.tip = tipState
        return outcome
    }

    /// Runs the stages on one block and moves the tip if it wins fork choice.
    func acceptOne(_ block: Block, into outcome: inout BlockOutcome) async -> BlockStatus {
        let id = block.id
        let header = block.header
        if invalid.contains(id) { return .rejected(.peer(ChainReason.knownInvalid)) }
        if orphanIds.contains(id) { return .orphan }
        let stored: BlockEntry?
        do { stored = try store.blockEntry(id: id) } catch { return .rejected(.local(error)) }
        if let stored {
            // Stored and heavier than the tip, yet not connected: the node stopped between
            // storing the block and committing its connect. Connect it now.
            guard let score = ChainWork(storedBytes: stored.score), beatsTip(score, id: id) else { return .duplicate }
            do {
                return try becomeTip(block, ids: block.transactions.map(\.id), score: score, into: &outcome)
            } catch {
                return .rejected(error)
            }
        }
        if invalid.contains(header.parent) {
            invalid.insert(id)
            return .rejected(.peer(ChainReason.invalidAncestor))
        }
        let ids: [Hash256]
        do {
            ids = try await BlockSanity.check(block, params: params)
        } catch {
            // A body that fails the Merkle root may be a mutated copy of a good header: only
            // failures after the root matched condemn the block id.
            if error.reason == ChainReason.badSignature || error.reason == ChainReason.wrongChainId
                || error.reason == ChainReason.badShares || error.reason == ChainReason.badPeriod {
                invalid.insert(id)
            }
            return .rejected(error)
        }
        let parentEntry: BlockEntry?
        do { parentEntry = try store.blockEntry(id: header.parent) } catch { return .rejected(.local(error)) }
        guard let parentEntry else {
            holdOrphan(block)
            return .orphan
        }
        let view = StoreChainView(params: params, store: store)
        let score: ChainWork
        do {
            try engine.verifyHeader(header, parent: parentEntry.header, chain: view, now: clock())
            score = (ChainWork(storedBytes: parentEntry.score) ?? .zero) + (try engine.score(of: header, parent: parentEntry.header, chain: view))
        } catch {
            if error.owner == .peer { invalid.insert(id) }
            return .rejected(ChainRejection(error))
        }
        guard beatsTip(score, id: id) else {
            do { try store.storeBlock(block, score: score.storedBytes) } catch { return .rejected(.local(error)) }
            return .sideChain
        }
        do {
            return try becomeTip(block, ids: ids, score: score, into: &outcome)
        } catch {
            if error.error.owner == .peer { invalid.insert(id) }
            return .rejected(error)
        }
    }
}

extension Chain {
    /// Whether a branch ending in block `id` with `score` should replace the tip: a higher
    /// score wins; an equal one wins only under the engine's `lowerId` tie rule with a lower id.
    func beatsTip(_ score: ChainWork, id: Hash256) -> Bool {
        if score != tipScore { return score > tipScore }
        return engine.tieBreak == .lowerId && id < tipState.id
    }

    /// An account at the tip, zero balance and nonce when never written; a store failure is a
    /// local-fault rejection. For the mempool and RPC, which may not reach the store's types.
    public nonisolated func accountAtTip(_ address: Address) throws(ChainRejection) -> AccountRecord {
        do { return try store.accountOrEmpty(address) } catch { throw .local(error) }
    }
}

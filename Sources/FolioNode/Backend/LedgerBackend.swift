import FolioAPI
import FolioChain
import FolioCore
import FolioMempool
import FolioStore
import Foundation

/// Answers RPC and the explorer from the node's ledger: the store for everything confirmed,
/// the mempool for what is pending, the network service (if any) for peers and sync.
public struct LedgerBackend: NodeBackend {
    /// The chain parameters.
    public let params: ChainParams
    let ledger: Ledger
    let network: (any NetworkStatusSource)?
    let standalone: Bool
    let tracker = SyncTracker()
    /// Works derived from each work, read from the main chain's blocks as questions come.
    let derivativeIndex: DerivativeIndex

    /// A backend over `ledger`; `network` is nil on a node without peers (the dev chain).
    public init(ledger: Ledger, network: (any NetworkStatusSource)?, standalone: Bool) {
        self.params = ledger.chain.params
        self.ledger = ledger
        self.network = network
        self.standalone = standalone
        derivativeIndex = DerivativeIndex(store: ledger.store)
    }

    var store: any ChainStore { ledger.store }
    var kind: NetworkKind { params.network }

    public func chainInfo() async throws(BackendError) -> ChainInfoResult {
        let tip = await ledger.chain.tip
        let header = try read { () throws(StoreError) in try store.blockEntry(id: tip.id)?.header }
        var info = ChainInfoResult(
            chainId: params.chainId, network: params.network.rawValue, engine: params.consensus.engineName,
            genesisId: params.genesisId.hex, height: tip.height, bestBlockId: tip.id.hex,
            bestBlockTime: header?.timestamp ?? params.genesisBlock.header.timestamp, sync: await syncStatus())
        info.duplicateDistance = params.fingerprint.duplicateDistance
        info.similarityDistance = params.fingerprint.similarityDistance
        return info
    }

    public func block(_ locator: BlockLocator) async throws(BackendError) -> BlockSummary {
        let found: Block?
        switch locator {
        case let .id(id): found = try read { () throws(StoreError) in try store.block(id: id) }
        case let .height(height): found = try read { () throws(StoreError) in try store.block(atHeight: height) }
        }
        guard let found else {
            switch locator {
            case let .id(id): throw .notFound("block \(id.hex)")
            case let .height(height): throw .notFound("block at height \(height)")
            }
        }
        return BlockSummary(found)
    }

    public func latestBlocks(count: Int) async throws(BackendError) -> [BlockSummary] {
        let tip = await ledger.chain.tip
        var blocks: [BlockSummary] = []
        var height = tip.height
        while blocks.count < count {
            guard let block = try read({ () throws(StoreError) in try store.block(atHeight: height) }) else { break }
            blocks.append(BlockSummary(block))
            if height == 0 { break }
            height -= 1
        }
        return blocks
    }

    public func syncStatus() async -> SyncStatus {
        let validated = await ledger.chain.tip.height
        let progress = await network?.progress()
        return await tracker.status(
            standalone: standalone, knownHeight: progress?.knownHeight ?? validated, validatedHeight: validated,
            peers: progress?.peerCount ?? 0, now: Self.monotonicSeconds())
    }

    public func peers() async -> [PeerSummary] { await network?.peers() ?? [] }

    public func account(_ address: Address) async throws(BackendError) -> AccountSummary {
        let record = try read { () throws(StoreError) in try store.accountOrEmpty(address) }
        let pending = await ledger.mempool.nextNonce(for: address, confirmed: record.nonce)
        return AccountSummary(
            address: address.bech32m(on: kind), balance: record.balance.description, nonce: record.nonce, pendingNonce: pending)
    }

    public func submit(_ transaction: Transaction) async throws(BackendError) -> Hash256 {
        do { return try await ledger.submit(transaction, local: true) } catch {
            throw .rejected(error.description)
        }
    }

    public func transaction(_ id: Hash256) async throws(BackendError) -> TransactionSummary {
        if let confirmed = try await confirmedTransaction(id) { return confirmed }
        if let pending = await ledger.mempool.transaction(id) {
            return summary(pending, block: nil, height: nil, confirmations: 0)
        }
        // A block may have taken it from the mempool between the two reads: look again.
        if let confirmed = try await confirmedTransaction(id) { return confirmed }
        if let reason = await ledger.refusal(of: id) {
            throw .notFound("transaction \(id.hex): the block producer dropped it (\(reason))")
        }
        throw .notFound("transaction \(id.hex)")
    }

    /// The transaction as the main chain holds it, with its confirmations, if it does.
    func confirmedTransaction(_ id: Hash256) async throws(BackendError) -> TransactionSummary? {
        guard let (transaction, location) = try read({ () throws(StoreError) in try store.transaction(id: id) }) else { return nil }
        let tip = await ledger.chain.tip
        return summary(
            transaction, block: location.blockId, height: location.height,
            confirmations: tip.height >= location.height ? tip.height - location.height + 1 : 0)
    }

    public func work(_ id: WorkId) async throws(BackendError) -> WorkSummary {
        guard let record = try read({ () throws(StoreError) in try store.work(id) }) else { throw .notFound("work \(id.hex)") }
        let links = try read { () throws(StoreError) in try store.workLinks(id) } ?? []
        let offers = try read { () throws(StoreError) in try store.offers(forWork: id) }
        let licences = try read { () throws(StoreError) in try store.licences(forWork: id) }
        let registration = record.registration
        return WorkSummary(
            id: id.hex, registrant: record.registrant.bech32m(on: kind),
            owners: record.owners.map { OwnerShare(address: $0.owner.bech32m(on: kind), share: $0.share) },
            fingerprint: HexCoding.encode(registration.fingerprint.bytes), height: record.registered.height,
            title: registration.title, mediaType: "\(registration.mediaType)", contentHash: registration.contentHash.hex,
            modelId: registration.modelId.hex, time: record.registered.timestamp, parents: registration.parents.map(\.hex),
            similar: links.map { FolioAPI.SimilarWork(id: $0.workId.hex, distance: $0.distance) },
            offers: offers.map(offerSummary), licences: licences.map(licenceSummary))
    }

    public func similarWorks(to fingerprint: Fingerprint, limit: Int) async throws(BackendError) -> [FolioAPI.SimilarWork] {
        let near = try read { () throws(StoreError) in
            try store.works(near: fingerprint, within: params.fingerprint.similarityDistance)
        }
        return near.sorted { ($0.distance, $0.workId.hex) < ($1.distance, $1.workId.hex) }.prefix(limit)
            .map { FolioAPI.SimilarWork(id: $0.workId.hex, distance: $0.distance) }
    }

    public func derivatives(of id: WorkId, limit: Int) async throws(BackendError) -> DerivativeList {
        do { return try await derivativeIndex.derivatives(of: id, limit: limit) } catch {
            throw .failed("store: \(error)")
        }
    }

    public func works(ownedBy owner: Address, limit: Int) async throws(BackendError) -> [WorkSummary] {
        let cap = min(max(limit, 0), WorkListParams.maxLimit)
        guard cap > 0 else { return [] }
        let ids = try read { () throws(StoreError) in try store.works(ownedBy: owner) }
        // Order by the registration's height from the bare records, then build full summaries
        // (offers, licences, links) only for the works returned.
        var registered: [(id: WorkId, height: UInt64)] = []
        for id in ids {
            guard let record = try read({ () throws(StoreError) in try store.work(id) }) else {
                throw .failed("store: work \(id.hex) is listed for owner \(owner.bech32m(on: kind)) but has no record")
            }
            registered.append((id, record.registered.height))
        }
        let newest = registered.sorted { ($1.height, $0.id.hex) < ($0.height, $1.id.hex) }.prefix(cap)
        var works: [WorkSummary] = []
        for entry in newest { works.append(try await work(entry.id)) }
        return works
    }

    public func offer(_ id: OfferId) async throws(BackendError) -> OfferSummary {
        guard let record = try read({ () throws(StoreError) in try store.offer(id) }) else {
            throw .notFound("licence offer \(id.hex)")
        }
        return offerSummary(record)
    }

    public func licence(_ id: LicenceId) async throws(BackendError) -> LicenceSummary {
        guard let record = try read({ () throws(StoreError) in try store.licence(id) }) else {
            throw .notFound("licence \(id.hex)")
        }
        return licenceSummary(record)
    }

    public func template(_ id: TemplateId) async throws(BackendError) -> TemplateSummary {
        guard let record = try read({ () throws(StoreError) in try store.template(id) }) else {
            throw .notFound("licence template \(id.hex)")
        }
        var summary = TemplateSummary(
            id: record.id.hex, publisher: record.publisher.bech32m(on: kind), height: record.published.height,
            languageVersion: record.template.languageVersion)
        switch record.template.body {
        case let .source(text): summary.source = text
        case let .bytecode(code): summary.bytecode = HexCoding.encode(code)
        }
        return summary
    }

    // MARK: - Helpers

    func offerSummary(_ record: OfferRecord) -> OfferSummary {
        OfferSummary(
            id: record.id.hex, work: record.offer.workId.hex, offerer: record.offerer.bech32m(on: kind),
            height: record.offered.height, revoked: record.revoked, templateId: record.offer.templateId.hex,
            parameters: record.offer.parameters.map { OfferParameterSummary(name: $0.name, value: HexCoding.encode($0.value)) })
    }

    func licenceSummary(_ record: LicenceRecord) -> LicenceSummary {
        LicenceSummary(
            id: record.id.hex, offer: record.offerId.hex, work: record.workId.hex,
            licensee: record.licensee.bech32m(on: kind), state: "\(record.state)", totalPaid: record.totalPaid.description)
    }

    func summary(_ transaction: Transaction, block: Hash256?, height: UInt64?, confirmations: UInt64) -> TransactionSummary {
        TransactionSummary(
            id: transaction.id.hex, sender: transaction.senderAddress.bech32m(on: kind), nonce: transaction.nonce,
            fee: transaction.fee.description, kind: TransactionDescription.kind(transaction.payload), block: block?.hex,
            height: height, confirmations: confirmations,
            summary: TransactionDescription.summary(transaction, network: kind))
    }

    /// Runs a store read; a store failure is the node's fault, reported as `failed`.
    func read<T>(_ body: () throws(StoreError) -> T) throws(BackendError) -> T {
        do { return try body() } catch { throw .failed("store: \(error)") }
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

import FolioChain
import FolioConsensus
import FolioCore
import FolioPeer
import FolioStore
import FolioWire
import Logging

/// The peer protocol's view of this node's `Ledger`.
///
/// Headers: the `Chain` has no header-only path, so headers sent ahead of their bodies are
/// kept here, in a bounded `HeaderTree`, and only when their branch has at least our tip's
/// work (`LedgerChainBackend+Headers.swift`). Every header gets the engine's full header check
/// (link, time, seal) through a `HeaderOverlayView`, except where the engine needs what only
/// stored blocks give: a proof-of-authority header whose parent is not a stored block gets the
/// link rule (version, chain id, parent, height), since the authority set at its parent
/// depends on votes in bodies not yet fetched. Every block still goes through `Chain.accept`
/// in full before it counts, so a header that slipped through here only costs a wasted
/// download and a punished peer.
///
/// Blocks go to `ledger.accept(_, local: false)`, transactions to `ledger.submit(_, local:
/// false)`; the outcomes become `ChainVerdict`s with the fault owner the chain reported.
actor LedgerChainBackend: ChainBackend {
    /// Headers held ahead of validation, at most.
    static let defaultHeaderCapacity = 50_000

    let ledger: Ledger
    let params: ChainParams
    let engine: (any ConsensusEngine)?
    let clock: @Sendable () -> Int64
    private let logger: Logger
    var tree: HeaderTree
    /// When blocks were first heard of and validated (B9/B10).
    let timings: BlockTimings

    /// A backend over `ledger`. `engine` checks the headers that extend a stored block (nil:
    /// the link rule only); `clock` gives unix seconds for the future-time rule.
    init(ledger: Ledger, params: ChainParams, engine: (any ConsensusEngine)?, clock: @escaping @Sendable () -> Int64,
         logger: Logger, headerCapacity: Int = LedgerChainBackend.defaultHeaderCapacity, timings: BlockTimings = BlockTimings()) {
        self.ledger = ledger
        self.timings = timings
        self.params = params
        self.engine = engine
        self.clock = clock
        self.logger = logger
        tree = HeaderTree(capacity: headerCapacity)
    }

    var store: any ChainStore { ledger.store }

    /// Headers held ahead of their bodies.
    var pendingHeaders: Int { tree.count }

    func status() async -> ChainStatus {
        let validated = await ledger.chain.tip.height
        return ChainStatus(validatedHeight: validated, headerHeight: max(validated, tree.best?.height ?? 0))
    }

    func headerLocator() async -> [Hash256] {
        let tip = await ledger.chain.tip
        var cursor: (id: Hash256, height: UInt64)
        if let best = tree.best, best.height > tip.height { cursor = (best.id, best.height) } else { cursor = (tip.id, tip.height) }
        let wanted = Self.locatorHeights(from: cursor.height)
        var locator: [Hash256] = []
        var index = 0
        // Walk parent links until the branch meets the main chain, then read ids by height.
        while index < wanted.count {
            if mainChainId(at: cursor.height) == cursor.id { break }
            if cursor.height == wanted[index] {
                locator.append(cursor.id)
                index += 1
            }
            guard cursor.height > 0, let parent = header(cursor.id)?.parent else { break }
            cursor = (parent, cursor.height - 1)
        }
        for height in wanted[index...] {
            if let id = mainChainId(at: height) { locator.append(id) }
        }
        // The wire caps a locator at 64 ids; genesis stays last.
        locator = Array(locator.filter { $0 != params.genesisId }.prefix(WireLimits.locatorHashes - 1))
        locator.append(params.genesisId)
        return locator
    }

    func headers(after locator: [Hash256], stop: Hash256, limit: Int) async -> [BlockHeader] {
        var start: UInt64 = 1
        for id in locator {
            if let entry = entry(id), mainChainId(at: entry.header.height) == id {
                start = entry.header.height + 1
                break
            }
        }
        var headers: [BlockHeader] = []
        var height = start
        while headers.count < max(limit, 0), let id = mainChainId(at: height), let header = entry(id)?.header {
            headers.append(header)
            if id == stop { break }
            height += 1
        }
        return headers
    }

    func acceptBlock(_ block: Block) async -> ChainVerdict {
        timings.heard(block.id)
        let started = ContinuousClock.now
        let outcome = await ledger.accept(block, local: false)
        switch outcome.status {
        case .connected, .reorganized:
            let took = ContinuousClock.now - started
            let micros = took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000
            timings.validated(block.id, height: block.header.height, micros: micros)
        default: break
        }
        tree.remove(block.id)
        for connected in outcome.connected { tree.remove(connected.id) }
        if tree.count >= tree.capacity { tree.removeAll(atOrBelow: outcome.tip.height) }
        let verdict = Self.verdict(outcome.status)
        if case .invalid = verdict { tree.removeDescendants(of: block.id) }
        if case let .rejected(rejection) = outcome.status, rejection.error.owner == .local {
            logger.error("p2p: could not store block \(block.id): \(rejection)")
        }
        return verdict
    }

    func acceptTransaction(_ transaction: Transaction) async -> ChainVerdict {
        do {
            _ = try await ledger.submit(transaction, local: false)
            return .accepted
        } catch {
            return Self.transactionVerdict(code: error.code)
        }
    }

    func block(_ id: Hash256) async -> Block? { (try? store.block(id: id)) ?? nil }

    func transaction(_ id: Hash256) async -> Transaction? {
        if let pending = await ledger.mempool.transaction(id) { return pending }
        return ((try? store.transaction(id: id)) ?? nil)?.0
    }

    /// Whether block `id` is stored. The peer protocol asks when a peer announces a block, so
    /// an unknown id asked about is the moment this node heard of it.
    func hasBlock(_ id: Hash256) async -> Bool {
        let known = entry(id) != nil
        if !known { timings.heard(id) }
        return known
    }

    func hasTransaction(_ id: Hash256) async -> Bool {
        if await ledger.mempool.contains(id) { return true }
        return ((try? store.transaction(id: id)) ?? nil) != nil
    }

    // MARK: Store reads (a store failure reads as absent; the chain reports it on accept)

    private func entry(_ id: Hash256) -> BlockEntry? { (try? store.blockEntry(id: id)) ?? nil }

    private func mainChainId(at height: UInt64) -> Hash256? { (try? store.mainChainId(atHeight: height)) ?? nil }

    private func header(_ id: Hash256) -> BlockHeader? { tree.header(id) ?? entry(id)?.header }

    /// Heights a locator names: the ten newest one by one, then doubling steps, then genesis.
    static func locatorHeights(from top: UInt64) -> [UInt64] {
        var heights: [UInt64] = []
        var height = top
        var step: UInt64 = 1
        while true {
            heights.append(height)
            if height == 0 { break }
            if heights.count >= 10 { step = step.multipliedReportingOverflow(by: 2).partialValue }
            height = height > step ? height - step : 0
        }
        return heights
    }
}

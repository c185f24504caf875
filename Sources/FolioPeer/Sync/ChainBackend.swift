import FolioCore

/// What the chain said about something a peer sent.
package enum ChainVerdict: Equatable, Sendable {
    /// Valid and now stored (for a header: in the header tree; for a block: connected).
    case accepted
    /// Already held; nothing changed.
    case alreadyKnown
    /// A header or block whose parent is not known yet.
    case unknownParent
    /// Refused by local policy (fee too low, mempool full): not the peer's fault.
    case rejectedByPolicy(String)
    /// Invalid by consensus rules: the peer's fault.
    case invalid(String)
}

/// Where the chain stands, as the peer protocol needs it.
package struct ChainStatus: Equatable, Sendable {
    /// Height of the best fully validated block.
    package var validatedHeight: UInt64
    /// Height of the best header known (at least `validatedHeight`).
    package var headerHeight: UInt64

    /// Creates a status.
    package init(validatedHeight: UInt64, headerHeight: UInt64) {
        self.validatedHeight = validatedHeight
        self.headerHeight = headerHeight
    }
}

/// The peer protocol's only way to the chain. FolioNode adapts the `Chain` actor and the
/// mempool to it; tests use an in-memory chain. Header checks here are the cheap ones (link,
/// seal, time); full validation happens in `acceptBlock`.
package protocol ChainBackend: Sendable {
    /// Heights of the best header and the best validated block.
    func status() async -> ChainStatus
    /// A block locator over the best header chain: newest first, then exponentially sparser,
    /// ending with genesis.
    func headerLocator() async -> [Hash256]
    /// Up to `limit` headers of the best chain after the newest locator entry it knows,
    /// stopping after `stop` if it is reached.
    func headers(after locator: [Hash256], stop: Hash256, limit: Int) async -> [BlockHeader]
    /// Checks the headers of one `headers` message and holds those worth holding.
    ///
    /// The headers must follow one another (each the child of the one before), or the run is
    /// `invalid`. Headers already held count as held. The rest are held only if the branch
    /// they end has at least the threshold's work, the threshold being our tip's work (or more:
    /// the most work among headers held ahead of validation); otherwise nothing of them is
    /// stored anywhere and the refusal is `lowWork`, saying where the branch stands.
    /// `continuing` is such a branch, which this run extends: nothing is stored then, and the
    /// refusal is `lowWork` again or `enoughWork`. `proven` holds valid headers whatever their
    /// work: the caller counted the branch's work already and checked that these are the
    /// headers it counted.
    func acceptHeaders(_ headers: [BlockHeader], continuing: LowWorkBranch?, proven: Bool) async -> HeaderRunOutcome
    /// Fully validates and connects a block whose header was accepted.
    func acceptBlock(_ block: Block) async -> ChainVerdict
    /// Checks a transaction and admits it to the mempool.
    func acceptTransaction(_ transaction: Transaction) async -> ChainVerdict
    /// A stored block with this id.
    func block(_ id: Hash256) async -> Block?
    /// A mempool or chain transaction with this id.
    func transaction(_ id: Hash256) async -> Transaction?
    /// Whether the block's body is stored.
    func hasBlock(_ id: Hash256) async -> Bool
    /// Whether the transaction is known.
    func hasTransaction(_ id: Hash256) async -> Bool
}

extension ChainBackend {
    /// One header as a run of its own, as a verdict: held is `accepted` (or `alreadyKnown`);
    /// a low-work branch is refused by policy, blaming nobody.
    package func acceptHeader(_ header: BlockHeader) async -> ChainVerdict {
        let outcome = await acceptHeaders([header], continuing: nil, proven: false)
        switch outcome.refusal {
        case nil: return outcome.known == 1 ? .alreadyKnown : .accepted
        case .unknownParent: return .unknownParent
        case let .invalid(reason): return .invalid(reason)
        case let .rejectedByPolicy(reason): return .rejectedByPolicy(reason)
        case .lowWork, .enoughWork: return .rejectedByPolicy("low work")
        }
    }
}

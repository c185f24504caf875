import FolioCore

/// The read-only ledger facts a licence may consult. The chain implements it over its state at
/// the block being validated; tests use a fixed table. Anything it returns nil for is unknown.
public protocol LicenceLedgerView: Sendable {
    /// Height of the block the transaction is in.
    var height: UInt64 { get }
    /// That block's time, seconds since 1970-01-01 UTC.
    var time: Int64 { get }
    /// The chain's id (from genesis).
    var chainId: String { get }
    /// What the ledger knows about a registered work.
    func work(_ id: Hash256) -> WorkFacts?
    /// ISO 3166 codes of the territories in which active licences of `work` other than
    /// `licence` grant `action`.
    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]?
}

/// Ledger facts about one registered work.
public struct WorkFacts: Sendable, Hashable {
    /// The work's id.
    public var id: Hash256
    /// Owners and their shares.
    public var owners: [Share]
    /// When it was registered (block time).
    public var registeredAt: Int64
    /// Its media type, if recorded.
    public var media: UseMedium?
    /// Works it derives from directly (at most 8).
    public var parents: [Hash256]
    /// Every ancestor up to depth 8, nearest first (at most 64).
    public var ancestors: [Hash256]
    /// For a derivative, the status of the licence it was derived under; nil for an original.
    public var upstreamState: LicenceStatus?

    /// Creates a record of work facts.
    public init(id: Hash256, owners: [Share], registeredAt: Int64, media: UseMedium? = nil,
                parents: [Hash256] = [], ancestors: [Hash256] = [], upstreamState: LicenceStatus? = nil) {
        self.id = id
        self.owners = owners
        self.registeredAt = registeredAt
        self.media = media
        self.parents = parents
        self.ancestors = ancestors
        self.upstreamState = upstreamState
    }
}

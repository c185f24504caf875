import FolioCore

/// A set of writes to the state tables: each key maps to its new value, or to `nil` for a
/// deletion. A connected block's changes and its undo data are both `StateChanges`: the undo
/// maps every key the block touched to the value it had before.
///
/// Indexes derived from the records (works by owner, the fingerprint chunk index, offers and
/// licences by work) are maintained by the store from these writes.
public struct StateChanges: Hashable, Sendable {
    /// Accounts.
    public var accounts: [Address: AccountRecord?] = [:]
    /// Registered works.
    public var works: [WorkId: WorkRecord?] = [:]
    /// "Similar to" links recorded when a work was registered.
    public var workLinks: [WorkId: [SimilarWork]?] = [:]
    /// Published templates.
    public var templates: [TemplateId: TemplateRecord?] = [:]
    /// Licence offers.
    public var offers: [OfferId: OfferRecord?] = [:]
    /// Licences.
    public var licences: [LicenceId: LicenceRecord?] = [:]
    /// Chain metadata the state depends on (the state accumulator, for one).
    public var metadata: [String: [UInt8]?] = [:]

    /// No changes.
    public init() {}

    /// Whether nothing is written.
    public var isEmpty: Bool {
        accounts.isEmpty && works.isEmpty && workLinks.isEmpty && templates.isEmpty && offers.isEmpty
            && licences.isEmpty && metadata.isEmpty
    }

    /// Applies `later` on top of these changes: a key written by both keeps `later`'s value.
    public mutating func merge(_ later: StateChanges) {
        Self.overlay(&accounts, later.accounts)
        Self.overlay(&works, later.works)
        Self.overlay(&workLinks, later.workLinks)
        Self.overlay(&templates, later.templates)
        Self.overlay(&offers, later.offers)
        Self.overlay(&licences, later.licences)
        Self.overlay(&metadata, later.metadata)
    }

    private static func overlay<Key, Value>(_ base: inout [Key: Value?], _ later: [Key: Value?]) {
        for (key, value) in later { base.updateValue(value, forKey: key) }
    }
}

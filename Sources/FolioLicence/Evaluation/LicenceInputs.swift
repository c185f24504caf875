import FolioCore

/// A counter's identity in licence state: its name and, for keyed counters, the key.
public struct CounterKey: Hashable, Sendable {
    /// The counter's declared name.
    public let name: String
    /// The key, or nil for an unkeyed counter.
    public let key: LicenceValue?

    /// Creates a counter key.
    public init(name: String, key: LicenceValue? = nil) {
        self.name = name
        self.key = key
    }
}

/// The mutable state of one licence, kept by the chain between transactions.
public struct LicenceTermsState: Sendable, Hashable {
    /// Where the licence is in its life.
    public var status: LicenceStatus
    /// Total paid under this licence so far.
    public var totalPaid: Amount
    /// Revenue reported under this licence so far.
    public var reportedRevenue: Amount
    /// Counter values; absent counters read as 0.
    public var counters: [CounterKey: Int64]
    /// State variables by name; absent ones have their declared initial value.
    public var variables: [String: LicenceValue]

    /// Creates a licence state.
    public init(status: LicenceStatus = .offered, totalPaid: Amount = .zero, reportedRevenue: Amount = .zero,
                counters: [CounterKey: Int64] = [:], variables: [String: LicenceValue] = [:]) {
        self.status = status
        self.totalPaid = totalPaid
        self.reportedRevenue = reportedRevenue
        self.counters = counters
        self.variables = variables
    }
}

/// A licence as the chain holds it: a template, the offer's parameters and the current state.
public struct Licence: Sendable {
    /// The licence id.
    public var id: Hash256
    /// The compiled, published template.
    public var template: LicenceTemplate
    /// Parameter values by name, as given in the offer.
    public var parameters: [String: LicenceValue]
    /// The licensed work.
    public var work: Hash256
    /// Acceptance time, once accepted.
    public var issuedAt: Int64?
    /// The licensee, once accepted.
    public var licensee: Address?
    /// Licensors and their shares.
    public var licensors: [Share]
    /// Current state.
    public var state: LicenceTermsState
    /// The id the ledger names the template by, read as `licence.template`; nil means the
    /// bytecode id `template.id`. The chain names a template by its publication payload, so
    /// it passes that id here and share-alike compares ids of one kind.
    public var ledgerTemplateId: Hash256?

    /// Creates a licence record.
    public init(id: Hash256, template: LicenceTemplate, parameters: [String: LicenceValue], work: Hash256,
                issuedAt: Int64? = nil, licensee: Address? = nil, licensors: [Share], state: LicenceTermsState = LicenceTermsState(),
                ledgerTemplateId: Hash256? = nil) {
        self.id = id
        self.template = template
        self.parameters = parameters
        self.work = work
        self.issuedAt = issuedAt
        self.licensee = licensee
        self.licensors = licensors
        self.state = state
        self.ledgerTemplateId = ledgerTemplateId
    }
}

/// A transaction on a licence, as far as the licence program sees it.
public struct LicenceTransaction: Sendable, Hashable {
    /// What the transaction does.
    public var kind: TransactionKind
    /// Who signed it.
    public var sender: Address
    /// The payment attached, in base units of the ledger currency.
    public var payment: Amount
    /// The use it declares, if any; its action is checked against the licence's rules.
    public var use: DeclaredUse?

    /// Creates a transaction.
    public init(kind: TransactionKind, sender: Address, payment: Amount = .zero, use: DeclaredUse? = nil) {
        self.kind = kind
        self.sender = sender
        self.payment = payment
        self.use = use
    }
}

/// A use the transaction declares. Every field but the action may be left out, and a field left
/// out is unknown to the licence (which never grants on unknown).
public struct DeclaredUse: Sendable, Hashable {
    /// The action used.
    public var action: LicenceAction
    /// ISO 3166-1 alpha-2 codes.
    public var territories: [String]?
    /// Medium or channel.
    public var medium: UseMedium?
    /// Why the work is used.
    public var purpose: UsePurpose?
    /// How many uses (plays, streams, copies) are reported.
    public var count: Int64?
    /// Revenue reported for the use.
    public var revenue: Amount?
    /// Language of the use.
    public var language: String?
    /// Start of the reported period (seconds since the epoch).
    public var period: Int64?
    /// What the work is used with, such as the film a track is synchronised with.
    public var target: String?
    /// Whether attribution was given as the licence requires.
    public var attributed: Bool?
    /// The template a derivative is offered under.
    public var derivativeTemplate: Hash256?
    /// Whether the owner's approval is attached.
    public var approved: Bool?

    /// Creates a declared use of `action`; set the other fields as needed.
    public init(action: LicenceAction, territories: [String]? = nil, medium: UseMedium? = nil,
                purpose: UsePurpose? = nil, count: Int64? = nil, revenue: Amount? = nil) {
        self.action = action
        self.territories = territories
        self.medium = medium
        self.purpose = purpose
        self.count = count
        self.revenue = revenue
    }
}

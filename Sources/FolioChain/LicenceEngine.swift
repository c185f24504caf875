import FolioCore

/// How the chain runs licence terms. FolioChain owns this protocol; the licence-language
/// interpreter plugs in behind it (an adapter over `FolioLicence`), and tests use a small
/// built-in fake. Implementations must be deterministic: every node gets the same answer
/// from the same inputs, using integers only.
public protocol LicenceEngine: Sendable {
    /// Checks a template at publication (it parses, type-checks, fits the gas limits).
    func checkTemplate(_ template: PublishTemplate) throws(LicenceRefusal)
    /// Checks an offer's parameters against its template.
    func checkOffer(_ offer: OfferLicence, template: PublishTemplate) throws(LicenceRefusal)
    /// Decides an acceptance: what must be paid to whom, and the licence's opening state.
    func evaluateAcceptance(_ acceptance: AcceptLicence, offer: OfferRecord, template: PublishTemplate,
                            context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision
    /// Decides a usage report under an existing licence.
    func evaluateUsage(_ report: ReportUsage, licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                       context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision
    /// Whether the licence's terms allow the licensee to register derivative works, in the
    /// context of the registration (`context.sender` is the licensee registering).
    func allowsDerivatives(licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate, context: LicenceContext) -> Bool
}

/// The terms refused; `reason` is the engine's own short code (kept in logs, the chain
/// reports `licence-refused`).
public struct LicenceRefusal: Error, Sendable, Equatable {
    /// The engine's reason.
    public let reason: String
    /// The terms would pay out more than the transaction attached: the chain reports this as
    /// `payment-below-due`, which tells the sender what to change.
    public let isUnderpayment: Bool

    /// Creates a refusal.
    public init(reason: String, isUnderpayment: Bool = false) {
        self.reason = reason
        self.isUnderpayment = isUnderpayment
    }
}

/// What the chain tells the engine about the moment of evaluation.
public struct LicenceContext: Sendable, Equatable {
    /// The other licences on the licensed work, read only if terms ask (`other_grants`), since
    /// a popular work may hold many; nil when they cannot be read, which terms treat as unknown.
    public var licencesOnWork: @Sendable () -> [LicenceRecord]? = { nil }

    /// The account acting (licensee).
    public var sender: Address
    /// The work's current owners.
    public var owners: [Ownership]
    /// The including block's height and time.
    public var position: ChainPosition
    /// What the ledger holds about the licensed work and each of its ancestors, keyed by
    /// work id: the facts terms read as `work.*` and `owners(w)`. A work missing here is
    /// unknown to the terms, which then refuse rather than guess.
    public var works: [WorkId: WorkContext]

    /// Creates a context.
    public init(sender: Address, owners: [Ownership], position: ChainPosition, works: [WorkId: WorkContext] = [:],
                licencesOnWork: @escaping @Sendable () -> [LicenceRecord]? = { nil }) {
        self.sender = sender
        self.owners = owners
        self.position = position
        self.works = works
        self.licencesOnWork = licencesOnWork
    }

    /// Equal when everything but the lazy licence reader is (a closure has no equality).
    public static func == (lhs: LicenceContext, rhs: LicenceContext) -> Bool {
        lhs.sender == rhs.sender && lhs.owners == rhs.owners && lhs.position == rhs.position && lhs.works == rhs.works
    }
}

/// What the ledger holds about one registered work, for licence terms.
public struct WorkContext: Sendable, Equatable {
    /// Current owners and shares.
    public var owners: [Ownership]
    /// Block time of its registration.
    public var registeredAt: Int64
    /// Its medium.
    public var mediaType: MediaType
    /// The works it declared as parents.
    public var parents: [WorkId]
    /// Every ancestor, nearest first, breadth-first, each once.
    public var ancestors: [WorkId]
    /// For a derivative, the state of the licence its registrant holds on its parents (the
    /// best of them: active if any is); nil for an original or where none is held. Given for
    /// the licensed work only (terms cannot read an ancestor's); nil on ancestors.
    public var upstreamState: LicenceState?

    /// Creates a record.
    public init(owners: [Ownership], registeredAt: Int64, mediaType: MediaType, parents: [WorkId] = [],
                ancestors: [WorkId] = [], upstreamState: LicenceState? = nil) {
        self.owners = owners
        self.registeredAt = registeredAt
        self.mediaType = mediaType
        self.parents = parents
        self.ancestors = ancestors
        self.upstreamState = upstreamState
    }
}

/// An engine's verdict on an acceptance or usage report.
public struct LicenceDecision: Sendable, Equatable {
    /// The least the transaction must pay. The chain pays `directPayments` from it first and
    /// splits the rest among the work's owners by share.
    public var amountDue: Amount
    /// Payments the terms route to named accounts (a producer's cut, an ancestor's royalty).
    public var directPayments: [DirectPayment]
    /// The licence's state afterwards (`.active` for a fresh acceptance).
    public var state: LicenceState
    /// The terms' own state afterwards, to keep in `LicenceRecord.termsState`; nil leaves the
    /// record's as it was (an engine whose terms keep no state).
    public var termsState: [UInt8]?

    /// Creates a decision.
    public init(amountDue: Amount, directPayments: [DirectPayment] = [], state: LicenceState = .active, termsState: [UInt8]? = nil) {
        self.amountDue = amountDue
        self.directPayments = directPayments
        self.state = state
        self.termsState = termsState
    }
}

/// A payment the terms send to a named account.
public struct DirectPayment: Sendable, Equatable {
    /// Who is paid.
    public var payee: Address
    /// How much.
    public var amount: Amount

    /// Creates a payment.
    public init(payee: Address, amount: Amount) {
        self.payee = payee
        self.amount = amount
    }
}

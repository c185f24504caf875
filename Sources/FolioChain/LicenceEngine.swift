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
    /// Whether the licence's terms allow the licensee to register derivative works.
    func allowsDerivatives(licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate) -> Bool
}

/// The terms refused; `reason` is the engine's own short code (kept in logs, the chain
/// reports `licence-refused`).
public struct LicenceRefusal: Error, Sendable, Equatable {
    /// The engine's reason.
    public let reason: String

    /// Creates a refusal.
    public init(reason: String) { self.reason = reason }
}

/// What the chain tells the engine about the moment of evaluation.
public struct LicenceContext: Sendable, Equatable {
    /// The account acting (licensee).
    public var sender: Address
    /// The work's current owners.
    public var owners: [Ownership]
    /// The including block's height and time.
    public var position: ChainPosition

    /// Creates a context.
    public init(sender: Address, owners: [Ownership], position: ChainPosition) {
        self.sender = sender
        self.owners = owners
        self.position = position
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

    /// Creates a decision.
    public init(amountDue: Amount, directPayments: [DirectPayment] = [], state: LicenceState = .active) {
        self.amountDue = amountDue
        self.directPayments = directPayments
        self.state = state
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

import FolioCore

/// Whether a transaction is allowed, and if not which rule refused it.
public enum Verdict: Hashable, Sendable {
    case permitted
    /// Refused by `rule` (a clause name, or `no-permission`, `parameters`, `gas`,
    /// `attached-payment`), for `reason`.
    case refused(rule: String, reason: String)
}

/// One payment a licence causes, from the transaction's sender.
public struct Payment: Hashable, Sendable {
    /// Who is paid.
    public let payee: Address
    /// How much, in base units of the ledger currency.
    public let amount: Amount
    /// The clause that made the payment.
    public let rule: String
}

/// The outcome of running a licence on one transaction. Equal inputs give equal outcomes.
public struct Evaluation: Hashable, Sendable {
    /// Permitted, or refused with the rule.
    public let verdict: Verdict
    /// Payments in the order made (empty when refused).
    public let payments: [Payment]
    /// New values of the counters that changed.
    public let counters: [CounterKey: Int64]
    /// New values of the state variables that changed.
    public let variables: [String: LicenceValue]
    /// The licence's new status, if it changed.
    public let status: LicenceStatus?
    /// Events emitted, in order.
    public let events: [String]
    /// Gas used; the whole limit when gas ran out.
    public let gasUsed: UInt64
}

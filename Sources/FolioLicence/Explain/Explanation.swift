import FolioCore

/// Something the licensee must do for a use to be permitted under a licence.
public enum LicenseeObligation: Hashable, Sendable, CustomStringConvertible {
    /// Attach a payment of `amount` to `payee` (made by the clause `rule`).
    case pay(amount: Amount, payee: Address, rule: String)
    /// Credit the work as the licence requires (declare the use as attributed).
    case attribute(rule: String)
    /// Offer the derivative under this template (share-alike).
    case offerDerivativeUnder(template: Hash256, rule: String)
    /// Attach the owner's approval before the derivative links.
    case obtainApproval(rule: String)
    /// Meet a duty Folio has no name for; `condition` is its licence-language text.
    case meetCondition(rule: String, condition: String)

    public var description: String {
        switch self {
        case let .pay(amount, payee, rule): return "pay \(amount.baseUnits) to \(payee) ('\(rule)')"
        case let .attribute(rule): return "credit the work ('\(rule)')"
        case let .offerDerivativeUnder(template, rule): return "offer the derivative under template \(template.hex) ('\(rule)')"
        case let .obtainApproval(rule): return "attach the owner's approval ('\(rule)')"
        case let .meetCondition(rule, condition): return "meet '\(rule)': \(condition)"
        }
    }
}

/// How one rule judged the proposed use.
public struct RuleOutcome: Hashable, Sendable {
    /// The rule's name as the verdict reports it.
    public let rule: String
    /// `duty`, `prohibition` or `permission`.
    public let sort: String
    /// The rule's condition in licence-language text; nil when it has none.
    public let condition: String?
    /// Whether the condition held: true, false, or nil when a fact it needs is unknown.
    public let holds: Bool?
}

/// Why a licence permits or refuses a proposed use, and what the licensee must do.
public struct Explanation: Hashable, Sendable {
    /// The verdict the chain would reach on these inputs.
    public let verdict: Verdict
    /// The permission that granted the use, or the rule that refused it.
    public let decidingRule: String?
    /// The rules that cover the declared action, in the order the evaluator checks them.
    public let rules: [RuleOutcome]
    /// Duties and payments the licensee must meet for the use to be permitted.
    public let obligations: [LicenseeObligation]
    /// The payment the transaction must attach (what the licence pays out when nothing is
    /// short); nil when the use is refused for another reason.
    public let amountDue: Amount?

    /// One paragraph for people: the verdict, the deciding rule and the obligations.
    public var summary: String {
        var text: String
        switch verdict {
        case .permitted: text = "Permitted" + (decidingRule.map { " by '\($0)'" } ?? "")
        case let .refused(rule, reason): text = "Refused by '\(rule)': \(reason)"
        }
        if let amountDue, amountDue.baseUnits > 0 { text += ". Attach \(amountDue.baseUnits)" }
        if !obligations.isEmpty { text += ". The licensee must " + obligations.map(\.description).joined(separator: "; ") }
        return text + "."
    }
}

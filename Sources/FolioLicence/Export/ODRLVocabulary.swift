/// How Folio's vocabulary maps onto ODRL 2.2 and the Creative Commons terms ODRL reuses.
/// Anything ODRL lacks is written under the Folio profile's `folio:` prefix.
enum ODRLVocabulary {
    static let odrlContext = "http://www.w3.org/ns/odrl.jsonld"
    static let ccNamespace = "http://creativecommons.org/ns#"
    /// The Folio profile: the IRI policies name in `profile`, and the prefix of Folio-only terms.
    static let profile = "urn:folio:odrl-profile:1"
    static let folioNamespace = "urn:folio:odrl:"

    /// The ODRL (or CC) action for a Folio action. Sharing a derivative is CC's DerivativeWorks,
    /// the term ODRL's Creative Commons mapping uses.
    static func action(_ action: LicenceAction) -> String {
        switch action {
        case .play: return "play"
        case .stream: return "stream"
        case .display: return "display"
        case .print: return "print"
        case .reproduce: return "reproduce"
        case .distribute: return "distribute"
        case .modify: return "modify"
        case .derive: return "cc:DerivativeWorks"
        case .synchronize: return "synchronize"
        case .transfer: return "transfer"
        case .trainAI: return "folio:trainAI"
        case .perform: return "folio:perform"
        }
    }

    /// Actions of a rule; `any` is ODRL's top action `use`.
    static func actions(_ actions: [LicenceAction]?) -> Any {
        guard let actions else { return "use" }
        return actions.count == 1 ? action(actions[0]) : actions.map(action)
    }

    /// ODRL left operands for the facts ODRL has a word for; the rest are Folio terms.
    static func leftOperand(_ fact: Fact) -> String {
        switch fact {
        case .ledgerTime: return "dateTime"
        case .useTerritory: return "spatial"
        case .usePurpose: return "purpose"
        case .useMedium: return "media"
        case .useCount: return "count"
        case .useLanguage: return "language"
        case .txPayment: return "payAmount"
        default: return "folio:\(fact.signature.root).\(fact.signature.member)"
        }
    }

    static func `operator`(_ comparison: Comparison) -> String {
        switch comparison {
        case .equal: return "eq"
        case .notEqual: return "neq"
        case .less: return "lt"
        case .lessOrEqual: return "lteq"
        case .greater: return "gt"
        case .greaterOrEqual: return "gteq"
        }
    }

    static func `operator`(_ op: SetOperator) -> String { "\(op)" }

    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    static func mirrored(_ comparison: Comparison) -> Comparison {
        switch comparison {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return comparison
        }
    }

    /// A right operand: enumerations as Folio terms, times as xsd:dateTime, territories as
    /// ISO codes, other numbers and text as plain JSON values.
    static func rightOperand(_ value: LicenceValue, as type: LicenceType) -> Any {
        switch (value, type) {
        case (.int, .action), (.int, .purpose), (.int, .medium), (.int, .status), (.int, .kind):
            return "folio:" + ConditionTerm.literal(value, as: type)
        case let (.int(code), .territory): return Territory.text(code)
        case let (.int(seconds), .time):
            return ["@value": ConditionTerm.isoDate(seconds), "@type": "xsd:dateTime"] as [String: Any]
        case let (.set(elements), .set(element)): return elements.map { rightOperand($0, as: element) }
        case let (.int(i), _): return i
        case let (.bool(b), _): return b
        case let (.bytes(bytes), _): return String(decoding: bytes, as: UTF8.self)
        default: return ConditionTerm.literal(value, as: type)
        }
    }
}

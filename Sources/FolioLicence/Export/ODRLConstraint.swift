/// Rule conditions as ODRL constraints: a top-level `and` becomes the constraint list, `or`
/// and `xone` become logical constraints, a comparison of a fact with a value becomes a
/// constraint on the fact's left operand, and anything else is kept whole as a Folio expression.
enum ODRLConstraint {
    static func constraints(_ term: ConditionTerm) -> [[String: Any]] {
        term.conjuncts.map(constraint)
    }

    static func constraint(_ term: ConditionTerm) -> [String: Any] {
        switch term {
        case let .compare(comparison, .fact(fact), right):
            return atomic(fact, ODRLVocabulary.operator(comparison), right)
        case let .compare(comparison, left, .fact(fact)):
            return atomic(fact, ODRLVocabulary.operator(ODRLVocabulary.mirrored(comparison)), left)
        case let .setOperation(op, .fact(fact), right):
            return atomic(fact, ODRLVocabulary.operator(op), right)
        case let .fact(fact) where fact.signature.type == .bool:
            return atomic(fact, "eq", .constant(.bool(true)))
        case let .not(.fact(fact)) where fact.signature.type == .bool:
            return atomic(fact, "eq", .constant(.bool(false)))
        case .or:
            return ["or": disjuncts(term).map(constraint)]
        case let .xone(a, b):
            return ["xone": [constraint(a), constraint(b)]]
        case .and:
            return ["and": term.conjuncts.map(constraint)]
        default:
            return opaque(term.text)
        }
    }

    private static func disjuncts(_ term: ConditionTerm) -> [ConditionTerm] {
        if case let .or(a, b) = term { return disjuncts(a) + disjuncts(b) }
        return [term]
    }

    private static func atomic(_ fact: Fact, _ op: String, _ right: ConditionTerm) -> [String: Any] {
        var constraint: [String: Any] = ["leftOperand": ODRLVocabulary.leftOperand(fact), "operator": op]
        switch right {
        case let .constant(value):
            constraint["rightOperand"] = ODRLVocabulary.rightOperand(value, as: fact.signature.type)
        case let .parameter(name):
            constraint["rightOperandReference"] = "folio:parameter/\(name)"
        case let .fact(other):
            constraint["rightOperandReference"] = ODRLVocabulary.leftOperand(other)
        default:
            constraint["rightOperand"] = ["@value": right.text, "@type": "folio:expression"]
        }
        return constraint
    }

    /// A condition ODRL cannot say, kept as licence-language text under the Folio profile.
    static func opaque(_ text: String) -> [String: Any] {
        ["leftOperand": "folio:condition", "operator": "eq", "rightOperand": ["@value": text, "@type": "folio:expression"]]
    }
}

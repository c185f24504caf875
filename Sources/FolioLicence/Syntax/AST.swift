/// An expression with the place it starts, as written by the licence author.
struct Expression: Sendable {
    let kind: ExpressionKind
    let location: SourcePosition
}

/// Binary operators of the surface syntax.
enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or, xone, orElse = "??"
    case `in`, isA, hasPart, isPartOf, isAllOf, isAnyOf, isNoneOf
}

/// The shapes an expression can take.
indirect enum ExpressionKind: Sendable {
    case integer(Int64)
    case decimal(Int64)
    case ratio(Int64)
    case money(Int64, currency: String)
    case duration(Int64)
    case time(Int64)
    case text(String)
    case bool(Bool)
    /// A parameter, local, unkeyed counter, variable or constant.
    case name(String)
    /// A keyed counter read: `streams[m]`.
    case index(String, Expression)
    /// A fact or qualified constant: `use.territory`, `Kind.derive`.
    case path(String, String)
    case call(String, [Expression])
    case negate(Expression)
    case not(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case set([Expression])
    case shares([(party: Expression, weight: Expression)])
}

/// A statement inside a handler or an `otherwise` block.
struct Statement: Sendable {
    let kind: StatementKind
    let location: SourcePosition
}

/// Licence status changes a statement can cause.
enum StatusChange: String, Sendable, CaseIterable {
    case suspend, terminate, reinstate, expire

    /// The status the licence has afterwards.
    var result: LicenceStatus {
        switch self {
        case .suspend: return .suspended
        case .terminate: return .terminated
        case .reinstate: return .active
        case .expire: return .expired
        }
    }
}

/// The shapes a statement can take.
indirect enum StatementKind: Sendable {
    case `let`(String, Expression)
    case require(Expression, reason: String)
    case payTo(Expression, party: Expression)
    case paySplit(Expression, shares: Expression)
    case addCounter(String, key: Expression?, Expression)
    case set(String, Expression)
    case `if`(Expression, then: [Statement], else: [Statement])
    case forEach(String, Expression, body: [Statement])
    case status(StatusChange)
    case emit(String)
}

/// `param name: Type`.
struct ParameterDeclaration: Sendable {
    let name: String
    let type: LicenceType
    let location: SourcePosition
}

/// `counter name[Key]: Value`.
struct CounterDeclaration: Sendable {
    let name: String
    let key: LicenceType?
    let value: LicenceType
    let location: SourcePosition
}

/// `var name: Type = literal`.
struct VariableDeclaration: Sendable {
    let name: String
    let type: LicenceType
    let initial: Expression
    let location: SourcePosition
}

/// A permission, prohibition, duty or handler, in declaration order.
struct ClauseDeclaration: Sendable {
    let sort: ClauseSort
    let name: String?
    /// Actions covered (rules only); `nil` means every action.
    let actions: [LicenceAction]?
    let condition: Expression?
    /// Statements: a handler's body or a duty's `otherwise` block.
    let body: [Statement]
    let location: SourcePosition
}

/// A whole parsed licence.
struct LicenceSource: Sendable {
    let name: String
    var parameters: [ParameterDeclaration] = []
    var counters: [CounterDeclaration] = []
    var variables: [VariableDeclaration] = []
    var clauses: [ClauseDeclaration] = []
}

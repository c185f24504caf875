/// How an inexact product or quotient is rounded.
enum Rounding: UInt8, Sendable, CaseIterable {
    /// Towards −∞.
    case floor
    /// Towards +∞.
    case ceil
    /// To nearest, half to even.
    case halfEven
}

/// Comparisons between two values of one type.
enum Comparison: UInt8, Sendable, CaseIterable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}

/// ODRL set operators; the left operand is lifted to a set when it is an element.
enum SetOperator: UInt8, Sendable, CaseIterable {
    case isPartOf, hasPart, isAnyOf, isNoneOf
}

/// Built-in functions evaluated by the VM.
enum Builtin: UInt8, Sendable, CaseIterable {
    case min, max, len, known, eu, month, monthStart, owners, otherGrants
}

/// One VM instruction. Control flow only moves forward, except that `next` returns to the start
/// of the body of the innermost `forEach` while elements remain (bounded by `bound`).
enum Instruction: Equatable, Sendable {
    case push(UInt16)
    case param(UInt16)
    case local(UInt16)
    case setLocal(UInt16)
    case variable(UInt16)
    case setVariable(UInt16)
    case counter(UInt16, keyed: Bool)
    case addCounter(UInt16, keyed: Bool)
    case fact(Fact)
    /// Skips `offset` instructions forward.
    case jump(UInt32)
    /// Pops a Bool; false skips `offset` forward, unknown refuses the transaction.
    case jumpIfFalse(UInt32)
    case add, sub, subMoney, mul, neg
    /// (a × b) ÷ 10^8, rounded.
    case mulScaled(Rounding)
    /// a ÷ b, rounded.
    case div(Rounding)
    /// (a × 10^8) ÷ b, rounded.
    case divScaled(Rounding)
    /// a ÷ 10^8, rounded (Decimal to Int).
    case unscale(Rounding)
    case compare(Comparison)
    case not, and, or, xone
    case setOp(SetOperator)
    /// Pops d, x: x when known, else d.
    case coalesce
    case call(Builtin)
    case makeSet(UInt8)
    case makeShares(UInt8)
    /// Pops a collection; runs the next `bodyLength` instructions (ending with `next`) once per
    /// element with the element in local `local`. A collection over `bound` refuses.
    case forEach(local: UInt16, bodyLength: UInt32, bound: UInt16)
    case next
    /// Pops a Bool; anything but true refuses with reason constant `reason`.
    case require(reason: UInt16)
    /// Pops party, amount.
    case pay
    /// Pops shares, amount.
    case paySplit
    case setStatus(LicenceStatus)
    case emit(UInt16)
    /// Ends a clause; a condition returns the Bool on top of the stack.
    case ret
}

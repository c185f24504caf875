/// How a binary arithmetic expression compiles: exactly, or only under a rounding function.
enum ArithmeticPlan: Equatable {
    case exact(Instruction, LicenceType)
    /// `instruction` gets the rounding mode chosen by the enclosing `floor`/`ceil`/`round`.
    case inexact((Rounding) -> Instruction, LicenceType)

    static func == (a: ArithmeticPlan, b: ArithmeticPlan) -> Bool {
        switch (a, b) {
        case let (.exact(x, s), .exact(y, t)): return x == y && s == t
        case let (.inexact(x, s), .inexact(y, t)): return x(.floor) == y(.floor) && s == t
        default: return false
        }
    }
}

/// The arithmetic table of docs/licence-language.md §4.
enum TypeRules {
    static func plan(_ op: BinaryOperator, _ left: LicenceType, _ right: LicenceType) -> ArithmeticPlan? {
        switch op {
        case .add, .subtract: return additive(op == .add, left, right)
        case .multiply: return multiplicative(left, right)
        case .divide: return division(left, right)
        default: return nil
        }
    }

    private static func isLinear(_ type: LicenceType) -> Bool {
        switch type {
        case .int, .decimal, .ratio, .money, .duration: return true
        default: return false
        }
    }

    private static func additive(_ isAdd: Bool, _ left: LicenceType, _ right: LicenceType) -> ArithmeticPlan? {
        let op: Instruction = isAdd ? .add : .sub
        switch (left, right) {
        case let (.money, r) where r == left: return .exact(isAdd ? .add : .subMoney, left)
        case let (l, r) where l == r && isLinear(l): return .exact(op, left)
        case (.time, .duration): return .exact(op, .time)
        case (.time, .time) where !isAdd: return .exact(.sub, .duration)
        case (.height, .int): return .exact(op, .height)
        case (.height, .height) where !isAdd: return .exact(.sub, .int)
        default: return nil
        }
    }

    private static func multiplicative(_ left: LicenceType, _ right: LicenceType) -> ArithmeticPlan? {
        if right == .int, isLinear(left) { return .exact(.mul, left) }
        if left == .int, isLinear(right) { return .exact(.mul, right) }
        func scalable(_ t: LicenceType) -> Bool {
            switch t {
            case .decimal, .ratio, .money: return true
            default: return false
            }
        }
        func isFactor(_ t: LicenceType) -> Bool { t == .decimal || t == .ratio }
        guard scalable(left), scalable(right), isFactor(left) || isFactor(right) else { return nil }
        let result: LicenceType
        if case .money = left { result = left } else if case .money = right { result = right }
        else if left == .decimal || right == .decimal { result = .decimal } else { result = .ratio }
        return .inexact({ .mulScaled($0) }, result)
    }

    private static func division(_ left: LicenceType, _ right: LicenceType) -> ArithmeticPlan? {
        switch (left, right) {
        case (.int, .int), (.decimal, .int), (.money, .int), (.duration, .int):
            return .inexact({ .div($0) }, left)
        case (.decimal, .decimal):
            return .inexact({ .divScaled($0) }, .decimal)
        case let (.money, r) where r == left:
            return .inexact({ .divScaled($0) }, .ratio)
        default:
            return nil
        }
    }
}

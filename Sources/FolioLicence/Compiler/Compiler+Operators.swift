extension Compiler {
    mutating func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, at: SourcePosition) throws(LicenceError) -> LicenceType {
        let l = try expression(left)
        let r = try expression(right)
        switch op {
        case .add, .subtract, .multiply, .divide:
            guard let plan = TypeRules.plan(op, l, r) else {
                throw .type(at, "'\(op.rawValue)' cannot combine \(l) and \(r)\(mixedCurrencyHint(l, r))")
            }
            switch plan {
            case let .exact(instruction, type):
                emit(instruction)
                return type
            case .inexact:
                throw .type(at, "\(l) \(op.rawValue) \(r) is inexact; wrap it in floor(), ceil() or round() to say how it rounds")
            }
        case .and, .or, .xone:
            try expect(.bool, l, at: left.location, "the left operand of '\(op.rawValue)'")
            try expect(.bool, r, at: right.location, "the right operand of '\(op.rawValue)'")
            emit(op == .and ? .and : op == .or ? .or : .xone)
            return .bool
        case .orElse:
            guard l == r else { throw .type(at, "both sides of '??' must have one type; found \(l) and \(r)") }
            emit(.coalesce)
            return l
        case .equal, .notEqual, .isA:
            guard l == r else { throw .type(at, "cannot compare \(l) with \(r)\(mixedCurrencyHint(l, r))") }
            emit(.compare(op == .notEqual ? .notEqual : .equal))
            return .bool
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard l == r else { throw .type(at, "cannot compare \(l) with \(r)\(mixedCurrencyHint(l, r))") }
            guard l.isOrdered else { throw .type(at, "\(l) values have no order; use == or !=") }
            let comparison: Comparison = switch op {
            case .less: .less
            case .lessOrEqual: .lessOrEqual
            case .greater: .greater
            default: .greaterOrEqual
            }
            emit(.compare(comparison))
            return .bool
        case .in, .isPartOf, .hasPart, .isAllOf, .isAnyOf, .isNoneOf:
            return try setOperator(op, l, r, at: at)
        }
    }

    private func mixedCurrencyHint(_ l: LicenceType, _ r: LicenceType) -> String {
        if case let .money(a) = l, case let .money(b) = r, a != b { return " (different currencies: \(a) and \(b))" }
        return ""
    }

    private mutating func setOperator(_ op: BinaryOperator, _ l: LicenceType, _ r: LicenceType, at: SourcePosition) throws(LicenceError) -> LicenceType {
        func elementType(_ t: LicenceType) -> LicenceType {
            if case let .set(e) = t { return e }
            if case let .list(e) = t { return e }
            return t
        }
        if op == .in, r.element == nil {
            throw .type(at, "the right side of 'in' must be a Set or List, found \(r)")
        }
        guard elementType(l) == elementType(r), elementType(l).isScalar else {
            throw .type(at, "'\(op.rawValue)' needs values of one element type; found \(l) and \(r)")
        }
        let setOp: SetOperator = switch op {
        case .in, .isAnyOf: .isAnyOf
        case .isPartOf: .isPartOf
        case .hasPart, .isAllOf: .hasPart
        default: .isNoneOf
        }
        emit(.setOp(setOp))
        return .bool
    }

    mutating func call(_ function: String, _ arguments: [Expression], at: SourcePosition) throws(LicenceError) -> LicenceType {
        if let rounding: Rounding = ["floor": .floor, "ceil": .ceil, "round": .halfEven][function] {
            return try round(arguments, rounding, function, at: at)
        }
        let signatures: [String: (Builtin, [LicenceType?], LicenceType?)] = [
            "len": (.len, [nil], .int), "known": (.known, [nil], .bool), "eu": (.eu, [.time], .set(.territory)),
            "month": (.month, [.time], .int), "month_start": (.monthStart, [.int], .time),
            "owners": (.owners, [.workId], .shares), "other_grants": (.otherGrants, [.action], .set(.territory)),
            "min": (.min, [nil, nil], nil), "max": (.max, [nil, nil], nil),
        ]
        if function == "country" {
            throw .type(at, "country() takes one two-letter ISO 3166 code in quotes, such as country(\"DE\")")
        }
        guard let (builtin, parameters, result) = signatures[function] else {
            throw .type(at, "unknown function '\(function)'; see docs/licence-language.md §6")
        }
        guard arguments.count == parameters.count else {
            throw .type(at, "\(function)() takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found \(arguments.count)")
        }
        var types: [LicenceType] = []
        for (argument, wanted) in zip(arguments, parameters) {
            let type = try expression(argument)
            if let wanted { try expect(wanted, type, at: argument.location, "the argument of \(function)()") }
            types.append(type)
        }
        switch builtin {
        case .len where types[0].element == nil:
            throw .type(at, "len() needs a Set, List or Shares, found \(types[0])")
        case .min, .max:
            guard types[0] == types[1], types[0].isOrdered else {
                throw .type(at, "\(function)() needs two values of one ordered type; found \(types[0]) and \(types[1])")
            }
        default: break
        }
        emit(.call(builtin))
        return result ?? types[0]
    }

    private mutating func round(_ arguments: [Expression], _ rounding: Rounding, _ function: String, at: SourcePosition) throws(LicenceError) -> LicenceType {
        guard arguments.count == 1 else { throw .type(at, "\(function)() takes one argument") }
        let argument = arguments[0]
        if case let .binary(op, left, right) = argument.kind, [.multiply, .divide].contains(op) {
            let l = try expression(left)
            let r = try expression(right)
            guard let plan = TypeRules.plan(op, l, r) else {
                throw .type(argument.location, "'\(op.rawValue)' cannot combine \(l) and \(r)")
            }
            switch plan {
            case let .exact(instruction, type):
                emit(instruction)
                if type == .decimal {
                    emit(.unscale(rounding))
                    return .int
                }
                return type
            case let .inexact(instruction, type):
                emit(instruction(rounding))
                return type
            }
        }
        let type = try expression(argument)
        guard type == .decimal else {
            throw .type(argument.location, "\(function)() rounds a product, a quotient or a Decimal; found \(type)")
        }
        emit(.unscale(rounding))
        return .int
    }
}

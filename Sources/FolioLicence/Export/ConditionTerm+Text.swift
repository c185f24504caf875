extension ConditionTerm {
    /// The term in licence-language syntax (parenthesised where nested), for people to read.
    var text: String {
        switch self {
        case let .fact(fact): return "\(fact.signature.root).\(fact.signature.member)"
        case let .parameter(name), let .variable(name), let .counter(name): return name
        case let .constant(value): return ConditionTerm.literal(value)
        case let .compare(comparison, a, b):
            let symbols: [Comparison: String] = [.equal: "==", .notEqual: "!=", .less: "<", .lessOrEqual: "<=",
                                                 .greater: ">", .greaterOrEqual: ">="]
            let (x, y) = ConditionTerm.typed(a, b)
            return "\(x) \(symbols[comparison] ?? "==") \(y)"
        case let .setOperation(op, a, b):
            let (x, y) = ConditionTerm.typed(a, b)
            return "\(x) \(op) \(y)"
        case let .and(a, b): return "\(a.nested) and \(b.nested)"
        case let .or(a, b): return "\(a.nested) or \(b.nested)"
        case let .xone(a, b): return "\(a.nested) xone \(b.nested)"
        case let .not(a): return "not \(a.nested)"
        case let .call(builtin, terms):
            let names: [Builtin: String] = [.monthStart: "month_start", .otherGrants: "other_grants"]
            return "\(names[builtin] ?? "\(builtin)")(\(terms.map(\.text).joined(separator: ", ")))"
        case let .other("set", terms): return "{\(terms.map(\.text).joined(separator: ", "))}"
        case let .other(symbol, terms) where terms.count == 2: return "\(terms[0].nested) \(symbol) \(terms[1].nested)"
        case let .other(symbol, terms): return "\(symbol)(\(terms.map(\.text).joined(separator: ", ")))"
        }
    }

    private var nested: String {
        switch self {
        case .fact, .parameter, .variable, .counter, .constant, .call: return text
        default: return "(\(text))"
        }
    }

    /// Both operands as text, a constant written in the type of the fact on the other side.
    private static func typed(_ a: ConditionTerm, _ b: ConditionTerm) -> (String, String) {
        switch (a, b) {
        case let (.fact(fact), .constant(value)): return (a.text, literal(value, as: fact.signature.type))
        case let (.constant(value), .fact(fact)): return (literal(value, as: fact.signature.type), b.text)
        default: return (a.nested, b.nested)
        }
    }

    /// A constant as source would write it for `type` (names for enumerations, dates, money).
    static func literal(_ value: LicenceValue, as type: LicenceType) -> String {
        switch (value, type) {
        case let (.int(code), .action): return LicenceAction.allCases.first { Int64($0.rawValue) == code }?.name ?? "\(code)"
        case let (.int(code), .purpose): return UsePurpose.allCases.first { Int64($0.rawValue) == code }?.name ?? "\(code)"
        case let (.int(code), .medium): return UseMedium.allCases.first { Int64($0.rawValue) == code }?.name ?? "\(code)"
        case let (.int(code), .status): return LicenceStatus.allCases.first { Int64($0.rawValue) == code }?.name ?? "\(code)"
        case let (.int(code), .kind): return TransactionKind.allCases.first { Int64($0.rawValue) == code }?.name ?? "\(code)"
        case let (.int(code), .territory): return "country(\"\(Territory.text(code))\")"
        case let (.int(amount), .money(currency)): return "\(amount) \(currency)"
        case let (.int(seconds), .time): return isoDate(seconds)
        case let (.set(elements), .set(element)): return "{\(elements.map { literal($0, as: element) }.joined(separator: ", "))}"
        default: return literal(value)
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ssZ` when not midnight.
    static func isoDate(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / Calendar.secondsPerDay : (seconds - Calendar.secondsPerDay + 1) / Calendar.secondsPerDay
        let (year, month) = Calendar.yearMonth(days: days)
        let day = days - (Calendar.days(year: year, month: month, day: 1) ?? days) + 1
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = "\(year)-\(two(month))-\(two(day))"
        let rest = seconds - days * Calendar.secondsPerDay
        guard rest != 0 else { return date }
        return "\(date)T\(two(rest / 3_600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// A constant as written in source where its type is evident from the bytes alone.
    static func literal(_ value: LicenceValue) -> String {
        switch value {
        case .unknown: return "unknown"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return "\(i)"
        case let .bytes(bytes): return "\"\(String(decoding: bytes, as: UTF8.self))\""
        case let .set(elements), let .list(elements): return "{\(elements.map(literal).joined(separator: ", "))}"
        case let .shares(shares): return "{\(shares.count) shares}"
        }
    }
}

extension Parser {
    private static let durationUnits: [String: Int64] = [
        "second": 1, "seconds": 1, "minute": 60, "minutes": 60, "hour": 3_600, "hours": 3_600,
        "day": 86_400, "days": 86_400, "week": 604_800, "weeks": 604_800,
    ]

    mutating func primary() throws(LicenceError) -> Expression {
        let token = current
        let location = token.location
        switch token.kind {
        case let .integer(value):
            _ = advance()
            return Expression(kind: try integerSuffix(value, location), location: location)
        case let .decimal(value):
            _ = advance()
            return Expression(kind: .decimal(value), location: location)
        case let .ratio(value):
            _ = advance()
            return Expression(kind: .ratio(value), location: location)
        case let .date(value):
            _ = advance()
            return Expression(kind: .time(value), location: location)
        case let .text(value):
            _ = advance()
            return Expression(kind: .text(value), location: location)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            try expect(symbol: ")", " to close '('")
            return inner
        case .symbol("{"):
            _ = advance()
            return Expression(kind: try collection(), location: location)
        case let .identifier(name):
            return Expression(kind: try named(name), location: location)
        default:
            throw error("a value (number, text, date, name, fact, call or '(')")
        }
    }

    /// `20000 FOLIO` is money and `30 days` a duration; a bare integer is an Int.
    private mutating func integerSuffix(_ value: Int64, _ location: SourcePosition) throws(LicenceError) -> ExpressionKind {
        guard case let .identifier(word) = current.kind, !Parser.keywords.contains(word) else { return .integer(value) }
        if let unit = Parser.durationUnits[word] {
            _ = advance()
            let (seconds, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow else { throw .syntax(location, "duration does not fit in 64 bits of seconds") }
            return .duration(seconds)
        }
        if Parser.isCurrency(word) {
            _ = advance()
            return .money(value, currency: word)
        }
        return .integer(value)
    }

    private mutating func named(_ name: String) throws(LicenceError) -> ExpressionKind {
        if name == "true" || name == "false" {
            _ = advance()
            return .bool(name == "true")
        }
        if lookahead(1).kind == .symbol(".") {
            // `licence` is a keyword but also the root of the licence facts.
            _ = advance()
            _ = advance()
            return .path(name, try memberName())
        }
        _ = try identifier("a value (number, text, date, name, fact, call or '(')")
        if accept(symbol: "(") {
            var arguments: [Expression] = []
            if !accept(symbol: ")") {
                repeat { arguments.append(try expression()) } while accept(symbol: ",")
                try expect(symbol: ")", " to close the argument list")
            }
            return .call(name, arguments)
        }
        if accept(symbol: "[") {
            let key = try expression()
            try expect(symbol: "]", " after the key")
            return .index(name, key)
        }
        return .name(name)
    }

    /// Member names may be keywords (`Kind.transfer` is fine even though `transfer` is not a keyword,
    /// and so is `Kind.pay`).
    private mutating func memberName() throws(LicenceError) -> String {
        guard case let .identifier(member) = current.kind else { throw error("a name after '.'") }
        _ = advance()
        return member
    }

    /// `{}` / `{a, b}` is a set; `{p: 70, q: 30}` is a Shares map.
    private mutating func collection() throws(LicenceError) -> ExpressionKind {
        if accept(symbol: "}") { return .set([]) }
        let first = try expression()
        if accept(symbol: ":") {
            var pairs = [(party: first, weight: try expression())]
            while accept(symbol: ",") {
                let party = try expression()
                try expect(symbol: ":", " between a party and its weight")
                pairs.append((party, try expression()))
                guard pairs.count <= Limits.collection else { throw .limit("more than \(Limits.collection) shares") }
            }
            try expect(symbol: "}", " to close the shares")
            return .shares(pairs)
        }
        var elements = [first]
        while accept(symbol: ",") {
            elements.append(try expression())
            guard elements.count <= Limits.collection else { throw .limit("more than \(Limits.collection) set elements") }
        }
        try expect(symbol: "}", " to close the set")
        return .set(elements)
    }
}

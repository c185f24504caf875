extension Parser {
    mutating func licence() throws(LicenceError) -> LicenceSource {
        try expect(keyword: "licence", " at the start of the licence")
        var source = LicenceSource(name: try text("the licence name in quotes"))
        while current.kind != .end {
            try declaration(into: &source)
        }
        return source
    }

    private mutating func declaration(into source: inout LicenceSource) throws(LicenceError) {
        let location = current.location
        if accept(keyword: "param") {
            let name = try identifier("a parameter name")
            try expect(symbol: ":", " after the parameter name")
            source.parameters.append(ParameterDeclaration(name: name, type: try type(), location: location))
        } else if accept(keyword: "counter") {
            let name = try identifier("a counter name")
            var key: LicenceType?
            if accept(symbol: "[") {
                key = try type()
                try expect(symbol: "]", " after the counter's key type")
            }
            try expect(symbol: ":", " after the counter name")
            source.counters.append(CounterDeclaration(name: name, key: key, value: try type(), location: location))
        } else if accept(keyword: "var") {
            let name = try identifier("a variable name")
            try expect(symbol: ":", " after the variable name")
            let type = try type()
            try expect(symbol: "=", " and the variable's initial value")
            source.variables.append(VariableDeclaration(name: name, type: type, initial: try expression(), location: location))
        } else if accept(keyword: "permit") {
            source.clauses.append(try rule(.permission, location))
        } else if accept(keyword: "prohibit") {
            source.clauses.append(try rule(.prohibition, location))
        } else if accept(keyword: "duty") {
            source.clauses.append(try rule(.duty, location))
        } else if accept(keyword: "on") {
            source.clauses.append(try handler(location))
        } else {
            throw error("a declaration (param, counter, var, permit, prohibit, duty or on)")
        }
    }

    private mutating func rule(_ sort: ClauseSort, _ location: SourcePosition) throws(LicenceError) -> ClauseDeclaration {
        let name = optionalText()
        let actions = try actionList()
        var condition: Expression?
        if sort == .duty {
            try expect(keyword: "when", " and the duty's condition")
            condition = try expression()
        } else if accept(keyword: "when") {
            condition = try expression()
        }
        var body: [Statement] = []
        if sort == .duty, accept(keyword: "otherwise") { body = try block() }
        return ClauseDeclaration(sort: sort, name: name, actions: actions, condition: condition, body: body, location: location)
    }

    private mutating func actionList() throws(LicenceError) -> [LicenceAction]? {
        if accept(keyword: "any") { return nil }
        var actions: [LicenceAction] = []
        repeat {
            guard case let .identifier(name) = current.kind,
                  let action = LicenceAction.allCases.first(where: { $0.name == name }) else {
                throw error("an action (play, stream, display, print, reproduce, distribute, modify, derive, synchronize, train_ai, transfer, perform) or 'any'")
            }
            _ = advance()
            if !actions.contains(action) { actions.append(action) }
        } while accept(symbol: ",")
        return actions
    }

    private mutating func handler(_ location: SourcePosition) throws(LicenceError) -> ClauseDeclaration {
        guard case let .identifier(name) = current.kind,
              let kind = TransactionKind.allCases.first(where: { $0.name == name }) else {
            throw error("a transaction kind (accept, report, pay, derive or transfer)")
        }
        _ = advance()
        let label = optionalText()
        let body = try block()
        return ClauseDeclaration(sort: .handler(kind), name: label, actions: nil, condition: nil, body: body, location: location)
    }

    mutating func type() throws(LicenceError) -> LicenceType {
        guard case let .identifier(name) = current.kind else { throw error("a type") }
        if let simple = LicenceType.simpleNames[name] {
            _ = advance()
            return simple
        }
        switch name {
        case "Money":
            _ = advance()
            try expect(symbol: "(", " after Money")
            let currency = try self.currency()
            try expect(symbol: ")", " after the currency")
            return .money(currency: currency)
        case "Set", "List":
            _ = advance()
            try expect(symbol: "(", " after \(name)")
            let element = try nested { (p: inout Parser) throws(LicenceError) in try p.type() }
            try expect(symbol: ")", " after the element type")
            return name == "Set" ? .set(element) : .list(element)
        default:
            throw error("a type (Bool, Int, Decimal, Ratio, Money(CUR), Time, Duration, Height, Party, WorkId, Territory, Text, Set(T), List(T), Shares, ...)")
        }
    }

    /// A currency code: 3 to 5 capital letters.
    mutating func currency() throws(LicenceError) -> String {
        guard case let .identifier(code) = current.kind, Parser.isCurrency(code) else {
            throw error("a currency code of 3 to 5 capital letters")
        }
        _ = advance()
        return code
    }

    static func isCurrency(_ code: String) -> Bool {
        (3...5).contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}

extension Parser {
    /// `{ statement* }`
    mutating func block() throws(LicenceError) -> [Statement] {
        try expect(symbol: "{", " to open a block")
        return try nested { (p: inout Parser) throws(LicenceError) -> [Statement] in
            var statements: [Statement] = []
            while !p.accept(symbol: "}") {
                guard p.current.kind != .end else { throw p.error("'}' to close the block") }
                statements.append(try p.statement())
            }
            return statements
        }
    }

    private mutating func statement() throws(LicenceError) -> Statement {
        let location = current.location
        return Statement(kind: try statementKind(), location: location)
    }

    private mutating func statementKind() throws(LicenceError) -> StatementKind {
        if accept(keyword: "let") {
            let name = try identifier("a name after 'let'")
            try expect(symbol: "=", " after the name")
            return .let(name, try expression())
        }
        if accept(keyword: "require") {
            let condition = try expression()
            try expect(keyword: "else", " and the refusal reason after the condition")
            return .require(condition, reason: try text("the refusal reason in quotes"))
        }
        if accept(keyword: "pay") {
            let amount = try expression()
            if accept(keyword: "to") { return .payTo(amount, party: try expression()) }
            if accept(keyword: "split") { return .paySplit(amount, shares: try expression()) }
            throw error("'to' or 'split' after the amount")
        }
        if accept(keyword: "set") {
            let name = try identifier("a variable name after 'set'")
            try expect(symbol: "=", " after the variable name")
            return .set(name, try expression())
        }
        if accept(keyword: "if") { return try ifStatement() }
        if accept(keyword: "for") {
            let name = try identifier("a loop variable name")
            try expect(keyword: "in", " after the loop variable")
            let collection = try expression()
            return .forEach(name, collection, body: try block())
        }
        if accept(keyword: "emit") { return .emit(try text("the event text in quotes")) }
        if case let .identifier(word) = current.kind, let change = StatusChange(rawValue: word) {
            _ = advance()
            return .status(change)
        }
        if case .identifier = current.kind, !Parser.keywords.contains(currentName) {
            let name = try identifier("a counter name")
            var key: Expression?
            if accept(symbol: "[") {
                key = try expression()
                try expect(symbol: "]", " after the counter key")
            }
            try expect(symbol: "+=", " (only counters can be updated in place)")
            return .addCounter(name, key: key, try expression())
        }
        throw error("a statement (let, require, pay, set, if, for, emit, suspend, terminate, reinstate, expire or a counter update)")
    }

    private var currentName: String {
        if case let .identifier(name) = current.kind { return name }
        return ""
    }

    private mutating func ifStatement() throws(LicenceError) -> StatementKind {
        let condition = try expression()
        let then = try block()
        guard accept(keyword: "else") else { return .if(condition, then: then, else: []) }
        if isKeyword("if") {
            let location = current.location
            _ = advance()
            let nestedIf = try nested { (p: inout Parser) throws(LicenceError) in try p.ifStatement() }
            return .if(condition, then: then, else: [Statement(kind: nestedIf, location: location)])
        }
        return .if(condition, then: then, else: try block())
    }
}

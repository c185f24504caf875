extension Parser {
    mutating func expression() throws(LicenceError) -> Expression {
        try nested { (p: inout Parser) throws(LicenceError) in try p.orExpression() }
    }

    private mutating func binaryLevel(
        _ operators: [String: BinaryOperator],
        next: (inout Parser) throws(LicenceError) -> Expression
    ) throws(LicenceError) -> Expression {
        var left = try next(&self)
        while let op = matchOperator(operators) {
            let location = current.location
            _ = advance()
            let right = try next(&self)
            left = Expression(kind: .binary(op, left, right), location: location)
        }
        return left
    }

    private func matchOperator(_ operators: [String: BinaryOperator]) -> BinaryOperator? {
        switch current.kind {
        case let .symbol(symbol): return operators[symbol]
        case let .identifier(word): return operators[word]
        default: return nil
        }
    }

    private mutating func orExpression() throws(LicenceError) -> Expression {
        try binaryLevel(["or": .or, "xone": .xone]) { (p: inout Parser) throws(LicenceError) in try p.andExpression() }
    }

    private mutating func andExpression() throws(LicenceError) -> Expression {
        try binaryLevel(["and": .and]) { (p: inout Parser) throws(LicenceError) in try p.notExpression() }
    }

    private mutating func notExpression() throws(LicenceError) -> Expression {
        let location = current.location
        if accept(keyword: "not") {
            let operand = try nested { (p: inout Parser) throws(LicenceError) in try p.notExpression() }
            return Expression(kind: .not(operand), location: location)
        }
        return try comparison()
    }

    private static let comparisons: [String: BinaryOperator] = Dictionary(uniqueKeysWithValues:
        [BinaryOperator.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
         .in, .isA, .hasPart, .isPartOf, .isAllOf, .isAnyOf, .isNoneOf].map { ($0.rawValue, $0) })

    private mutating func comparison() throws(LicenceError) -> Expression {
        let left = try defaultExpression()
        guard let op = matchOperator(Parser.comparisons) else { return left }
        let location = current.location
        _ = advance()
        let right = try defaultExpression()
        if matchOperator(Parser.comparisons) != nil {
            throw error("'and' or 'or' between comparisons (comparisons do not chain)")
        }
        return Expression(kind: .binary(op, left, right), location: location)
    }

    private mutating func defaultExpression() throws(LicenceError) -> Expression {
        try binaryLevel(["??": .orElse]) { (p: inout Parser) throws(LicenceError) in try p.sum() }
    }

    private mutating func sum() throws(LicenceError) -> Expression {
        try binaryLevel(["+": .add, "-": .subtract]) { (p: inout Parser) throws(LicenceError) in try p.product() }
    }

    private mutating func product() throws(LicenceError) -> Expression {
        try binaryLevel(["*": .multiply, "/": .divide]) { (p: inout Parser) throws(LicenceError) in try p.unary() }
    }

    private mutating func unary() throws(LicenceError) -> Expression {
        let location = current.location
        if accept(symbol: "-") {
            let operand = try nested { (p: inout Parser) throws(LicenceError) in try p.unary() }
            return Expression(kind: .negate(operand), location: location)
        }
        return try primary()
    }
}

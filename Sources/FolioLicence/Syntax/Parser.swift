/// Recursive-descent parser for licence source (grammar in docs/licence-language.md §3).
/// Nesting is capped so hostile source cannot exhaust the stack.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    var depth = 0

    static let keywords: Set<String> = [
        "licence", "param", "counter", "var", "permit", "prohibit", "duty", "on", "when", "otherwise",
        "let", "require", "else", "pay", "to", "split", "set", "if", "for", "in", "suspend",
        "terminate", "reinstate", "expire", "emit", "and", "or", "xone", "not", "any", "true",
        "false", "isA", "hasPart", "isPartOf", "isAllOf", "isAnyOf", "isNoneOf",
    ]

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole licence.
    static func parse(_ source: String) throws(LicenceError) -> LicenceSource {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.licence()
    }

    var current: Token { tokens[min(position, tokens.count - 1)] }

    func lookahead(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func error(_ expected: String) -> LicenceError {
        .syntax(current.location, "expected \(expected), found \(current.kind.display)")
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

    mutating func accept(symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    mutating func accept(keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        _ = advance()
        return true
    }

    mutating func expect(symbol: String, _ context: String = "") throws(LicenceError) {
        guard accept(symbol: symbol) else { throw error("'\(symbol)'\(context)") }
    }

    mutating func expect(keyword: String, _ context: String = "") throws(LicenceError) {
        guard accept(keyword: keyword) else { throw error("'\(keyword)'\(context)") }
    }

    /// A name that is not a keyword.
    mutating func identifier(_ what: String) throws(LicenceError) -> String {
        guard case let .identifier(name) = current.kind, !Parser.keywords.contains(name) else {
            throw error(what)
        }
        _ = advance()
        return name
    }

    mutating func text(_ what: String) throws(LicenceError) -> String {
        guard case let .text(value) = current.kind else { throw error(what) }
        _ = advance()
        return value
    }

    mutating func optionalText() -> String? {
        guard case let .text(value) = current.kind else { return nil }
        _ = advance()
        return value
    }

    /// Runs `body` one nesting level deeper, refusing source nested beyond the limit.
    mutating func nested<T>(_ body: (inout Parser) throws(LicenceError) -> T) throws(LicenceError) -> T {
        guard depth < Limits.nesting else {
            throw .syntax(current.location, "nested more than \(Limits.nesting) levels deep; split the expression")
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }
}

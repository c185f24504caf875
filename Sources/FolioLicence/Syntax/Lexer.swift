/// Turns licence source into tokens. Works on UTF-8 bytes with every read bounds-checked, so any
/// input either lexes or yields a located `LicenceError.syntax`.
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Every token of the source, ending with `.end`.
    static func tokenize(_ source: String) throws(LicenceError) -> [Token] {
        guard source.utf8.count <= Limits.sourceBytes else {
            throw .limit("source is \(source.utf8.count) bytes; the most is \(Limits.sourceBytes)")
        }
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    var location: SourcePosition { SourcePosition(line: line, column: column) }

    func peek(_ offset: Int = 0) -> UInt8? {
        let at = index + offset
        return at < bytes.count ? bytes[at] : nil
    }

    mutating func advance() {
        guard let byte = peek() else { return }
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipSpaceAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: "#") {
                while let b = peek(), b != UInt8(ascii: "\n") { advance() }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                advance()
            } else {
                return
            }
        }
    }

    mutating func next() throws(LicenceError) -> Token {
        skipSpaceAndComments()
        let start = location
        guard let byte = peek() else { return Token(kind: .end, location: start) }
        if Lexer.isLetter(byte) {
            return Token(kind: .identifier(try identifier(start)), location: start)
        }
        if Lexer.isDigit(byte) { return Token(kind: try number(start), location: start) }
        if byte == UInt8(ascii: "\"") { return Token(kind: .text(try text(start)), location: start) }
        return Token(kind: .symbol(try symbol(start)), location: start)
    }

    private mutating func identifier(_ start: SourcePosition) throws(LicenceError) -> String {
        var name: [UInt8] = []
        while let byte = peek(), Lexer.isLetter(byte) || Lexer.isDigit(byte) {
            name.append(byte)
            advance()
        }
        guard name.count <= Limits.identifierBytes else {
            throw .syntax(start, "identifier longer than \(Limits.identifierBytes) characters")
        }
        return String(decoding: name, as: UTF8.self)
    }

    private static let twoCharacterSymbols: Set<String> = ["+=", "==", "!=", "<=", ">=", "??"]
    private static let oneCharacterSymbols: Set<UInt8> = Set("(){}[],:.=<>+-*/".utf8)

    private mutating func symbol(_ start: SourcePosition) throws(LicenceError) -> String {
        guard let first = peek() else { throw .syntax(start, "unexpected end of input") }
        if let second = peek(1) {
            let pair = String(decoding: [first, second], as: UTF8.self)
            if Lexer.twoCharacterSymbols.contains(pair) {
                advance(); advance()
                return pair
            }
        }
        guard Lexer.oneCharacterSymbols.contains(first) else {
            let shown = first < 0x80 ? "'\(String(UnicodeScalar(first)))'" : "a non-ASCII character"
            throw .syntax(start, "unexpected \(shown); expected a name, number, text or operator")
        }
        advance()
        return String(UnicodeScalar(first))
    }

    private mutating func text(_ start: SourcePosition) throws(LicenceError) -> String {
        advance()
        var content: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                throw .syntax(start, "text is not closed; expected '\"' before the end of the line")
            }
            advance()
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                switch peek() {
                case UInt8(ascii: "\""): content.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): content.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): content.append(UInt8(ascii: "\n"))
                default: throw .syntax(location, "unknown escape; expected \\\", \\\\ or \\n")
                }
                advance()
            } else {
                content.append(byte)
            }
            guard content.count <= Limits.textBytes else {
                throw .syntax(start, "text longer than \(Limits.textBytes) bytes")
            }
        }
        return String(decoding: content, as: UTF8.self)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

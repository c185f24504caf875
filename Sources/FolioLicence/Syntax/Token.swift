/// One lexical token of licence source.
enum TokenKind: Equatable, Sendable {
    case identifier(String)
    case integer(Int64)
    /// A decimal literal scaled by 10^8.
    case decimal(Int64)
    /// A ratio literal (`12.5%`) in parts per 100,000,000.
    case ratio(Int64)
    /// A date literal as seconds since the epoch at midnight UTC.
    case date(Int64)
    case text(String)
    /// Punctuation and operators: `( ) { } [ ] , : . = += == != < <= > >= + - * / ??`.
    case symbol(String)
    case end

    /// How the token reads in an error message.
    var display: String {
        switch self {
        case let .identifier(name): return "'\(name)'"
        case let .integer(value): return "number \(value)"
        case .decimal: return "decimal number"
        case .ratio: return "percentage"
        case .date: return "date"
        case .text: return "text"
        case let .symbol(symbol): return "'\(symbol)'"
        case .end: return "end of input"
        }
    }
}

/// A token and where it starts.
struct Token: Equatable, Sendable {
    let kind: TokenKind
    let location: SourcePosition
}

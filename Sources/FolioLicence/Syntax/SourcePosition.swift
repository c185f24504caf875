/// A position in licence source: line and column, both counted from 1 (columns in Unicode
/// scalars).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// Line number, from 1.
    public let line: Int
    /// Column number, from 1.
    public let column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Why a licence could not be compiled or loaded.
public enum LicenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source does not follow the grammar: what was found and what was expected.
    case syntax(SourcePosition, String)
    /// The source is well formed but ill typed or names something that does not exist.
    case type(SourcePosition, String)
    /// The source or program exceeds one of the language's size limits.
    case limit(String)
    /// The template's worst-case gas is over the per-transaction cap.
    case gasOverCap(worstCase: UInt64, cap: UInt64)
    /// Published bytecode could not be decoded or failed validation.
    case bytecode(String)
    /// The publish-time checks found errors (rules that can never fire, derivative conflicts).
    case refusedAtPublication([LicenceDiagnostic])

    public var description: String {
        switch self {
        case let .syntax(at, message): return "\(at): syntax error: \(message)"
        case let .type(at, message): return "\(at): type error: \(message)"
        case let .limit(message): return "limit exceeded: \(message)"
        case let .gasOverCap(worst, cap):
            return "worst-case gas \(worst) is over the per-transaction cap of \(cap); simplify the terms"
        case let .bytecode(message): return "invalid bytecode: \(message)"
        case let .refusedAtPublication(findings):
            return "not publishable: " + findings.map(\.description).joined(separator: "; ")
        }
    }
}

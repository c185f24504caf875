/// Says which parameter was wrong and how, from a `DecodingError`.
enum DecodingErrorText {
    /// `"id" is missing`, `"height" must be an integer (UInt64)`, and so on.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .keyNotFound(key, context):
            return "\"\(path(context.codingPath + [key]))\" is missing; add it"
        case let .typeMismatch(type, context):
            return "\"\(path(context.codingPath))\" must be \(describe(type))"
        case let .valueNotFound(type, context):
            return "\"\(path(context.codingPath))\" must be \(describe(type)), not null"
        case let .dataCorrupted(context):
            let at = context.codingPath.isEmpty ? "" : "\"\(path(context.codingPath))\": "
            return at + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.filter { $0.stringValue != "params" }.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is UInt64.Type, is Int64.Type, is UInt32.Type: return "an integer"
        default: return "an object of the documented shape"
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Collects the field names a genesis file uses that the format does not define.
struct GenesisFieldNames: Decodable {
    /// Unknown fields as JSON paths, sorted.
    var unknown: [String] = []

    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: JSONKey.self)
        for key in top.allKeys {
            guard GenesisFile.topLevelFields.contains(key.stringValue) else {
                unknown.append(key.stringValue)
                continue
            }
            guard let allowed = GenesisFile.sectionFields[key.stringValue],
                  let section = try? top.nestedContainer(keyedBy: JSONKey.self, forKey: key) else { continue }
            for inner in section.allKeys where !allowed.contains(inner.stringValue) {
                unknown.append("\(key.stringValue).\(inner.stringValue)")
            }
        }
        unknown.sort()
    }
}

/// Any JSON object key.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

extension GenesisError {
    /// The genesis error for a JSON decoding failure, with its path spelled `a.b[2].c`.
    init(_ error: DecodingError) {
        switch error {
        case let .keyNotFound(key, context):
            self = .missingField(path: GenesisError.path(context.codingPath + [key]))
        case let .valueNotFound(type, context):
            self = .wrongType(path: GenesisError.path(context.codingPath), expected: GenesisError.describe(type))
        case let .typeMismatch(type, context):
            self = .wrongType(path: GenesisError.path(context.codingPath), expected: GenesisError.describe(type))
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            self = .malformedJSON(detail: context.debugDescription)
        case let .dataCorrupted(context):
            self = .wrongType(path: GenesisError.path(context.codingPath), expected: "a number that fits the field")
        @unknown default:
            self = .malformedJSON(detail: "\(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is any BinaryInteger.Type: return "a whole number"
        case is [String: UInt64].Type: return "an object of address: amount"
        default: return "\(type)"
        }
    }
}

/// A JSON-RPC request id: a string, an integer or null, echoed back unchanged in the response.
public enum RPCID: Hashable, Sendable, Codable {
    /// A string id.
    case string(String)
    /// An integer id.
    case number(Int64)
    /// The null id (used in error responses when the request's id could not be read).
    case null

    /// Decodes a string, an integer or null; anything else (a fraction, an object) is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int64.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "an id must be a string, an integer or null")
        }
    }

    /// Encodes the id as the JSON value it was read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .number(number): try container.encode(number)
        case .null: try container.encodeNil()
        }
    }
}

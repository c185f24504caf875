/// One JSON-RPC method: its name and the types of its parameters and result. The server
/// dispatches on `name`; the client uses the types to build the request and read the answer.
public protocol RPCMethod: Sendable {
    /// The parameters, sent by name as a JSON object.
    associatedtype Params: Codable & Sendable
    /// What a successful call returns.
    associatedtype Result: Codable & Sendable
    /// The method name, `namespace_method`.
    static var name: String { get }
}

/// The parameters of a method that takes none: accepts an absent `params`, `null`, `{}` or `[]`.
public struct NoParams: Codable, Hashable, Sendable {
    /// The empty value.
    public init() {}

    /// Refuses any parameter, so a typo'd call is not silently accepted.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() { return }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            guard let first = keyed.allKeys.first else { return }
            throw DecodingError.dataCorrupted(.init(
                codingPath: [first], debugDescription: "this method takes no parameters; remove \"\(first.stringValue)\""))
        }
        if let list = try? decoder.unkeyedContainer(), list.count == 0 { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath, debugDescription: "this method takes no parameters; send {} or leave params out"))
    }

    /// Encodes as `{}`.
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyKey.self)
    }
}

/// Any JSON object key.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

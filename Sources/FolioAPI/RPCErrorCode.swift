/// JSON-RPC error codes: the five the specification defines and Folio's server codes
/// (the range -32000 to -32099 the specification reserves for implementations).
public struct RPCErrorCode: RawRepresentable, Hashable, Sendable, Codable {
    /// The numeric code.
    public let rawValue: Int

    /// Wraps a numeric code.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// -32700: the body is not JSON.
    public static let parseError = RPCErrorCode(rawValue: -32700)
    /// -32600: JSON, but not a JSON-RPC 2.0 request object (or the body is too large).
    public static let invalidRequest = RPCErrorCode(rawValue: -32600)
    /// -32601: no method of that name.
    public static let methodNotFound = RPCErrorCode(rawValue: -32601)
    /// -32602: the parameters do not fit the method.
    public static let invalidParams = RPCErrorCode(rawValue: -32602)
    /// -32603: the node failed while answering; its log says why.
    public static let internalError = RPCErrorCode(rawValue: -32603)

    /// -32000: the block, transaction, work, offer, licence or account asked for is not known.
    public static let notFound = RPCErrorCode(rawValue: -32000)
    /// -32001: this node does not serve the method yet (for example, no mempool is running).
    public static let unavailable = RPCErrorCode(rawValue: -32001)
    /// -32002: a submitted transaction was refused; the message gives the reason.
    public static let rejected = RPCErrorCode(rawValue: -32002)

    /// Encodes as the bare number.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    /// Encodes as the bare number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A JSON-RPC 2.0 response: exactly one of `result` and `error`, and the request's id.
public struct RPCResponse<Result: Codable & Sendable>: Codable, Sendable {
    /// Always `"2.0"`.
    public var jsonrpc: String
    /// The result on success.
    public var result: Result?
    /// The error on failure.
    public var error: RPCErrorObject?
    /// The request's id (`null` when it could not be read).
    public var id: RPCID

    /// A success response.
    public init(result: Result, id: RPCID) {
        jsonrpc = "2.0"
        self.result = result
        error = nil
        self.id = id
    }

    /// An error response.
    public init(error: RPCErrorObject, id: RPCID) {
        jsonrpc = "2.0"
        result = nil
        self.error = error
        self.id = id
    }

    private enum CodingKeys: String, CodingKey { case jsonrpc, result, error, id }

    /// Reads a response; a missing `id` reads as null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try container.decode(String.self, forKey: .jsonrpc)
        result = try container.decodeIfPresent(Result.self, forKey: .result)
        error = try container.decodeIfPresent(RPCErrorObject.self, forKey: .error)
        id = try container.decodeIfPresent(RPCID.self, forKey: .id) ?? .null
    }

    /// Writes `result` or `error` (never both) and always `id`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            try container.encode(result, forKey: .result)
        }
        try container.encode(id, forKey: .id)
    }
}

/// A response whose result is not needed: used to write error responses.
public typealias RPCErrorResponse = RPCResponse<NoParams>

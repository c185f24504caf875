/// A JSON-RPC 2.0 request as a client sends it: `{"jsonrpc":"2.0","method":…,"params":…,"id":…}`.
public struct RPCRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    /// Always `"2.0"`.
    public let jsonrpc = "2.0"
    /// The method name, `namespace_method`.
    public var method: String
    /// The parameters, by name.
    public var params: Params
    /// The id the response will echo.
    public var id: RPCID

    /// Creates a request.
    public init(method: String, params: Params, id: RPCID) {
        self.method = method
        self.params = params
        self.id = id
    }

    private enum CodingKeys: String, CodingKey { case jsonrpc, method, params, id }
}

/// FolioAPI owns the JSON-RPC 2.0 envelope (requests, responses, error objects), the typed
/// catalogue of node methods with their parameter and result types, and an HTTP client.
///
/// It knows nothing about how a node answers: ids, addresses and amounts travel as text
/// (hex, bech32m, decimal strings), so the wire format stays stable as the ledger grows.
/// The catalogue and each method's parameters are documented in `docs/rpc.md`.
public enum RPCDefaults {
    /// Default HTTP port for JSON-RPC, `/metrics` and the explorer.
    public static let rpcPort = 9332
    /// Default peer-to-peer TCP port.
    public static let p2pPort = 9333
    /// The user name of cookie authentication (HTTP Basic `__cookie__:<secret>`).
    public static let cookieUser = "__cookie__"
    /// The cookie file's name inside the node's data directory.
    public static let cookieFileName = ".cookie"
    /// The HTTP path of the JSON-RPC endpoint.
    public static let rpcPath = "/rpc"
}

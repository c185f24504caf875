import FolioCore

/// FolioAPI owns the JSON-RPC 2.0 request and response types and the client. (Built by the node issue.)
public enum RPCDefaults {
    /// Default HTTP port for JSON-RPC.
    public static let rpcPort = 9332
}

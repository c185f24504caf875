import FolioCore

/// FolioNode is the composition root of `foliod`: configuration (`NodeConfig`), the data
/// directory's lock and cookie, the chain picked from the `network` setting, and the services
/// on one HTTP port (JSON-RPC at `/rpc`, Prometheus at `/metrics`, the explorer at `/`), run
/// under swift-service-lifecycle. RPC handlers reach the ledger only through `NodeBackend`.
/// It owns no ledger rules: those live in FolioChain and the engines.
public enum NodeBuild {
    /// The release version of this build, as `--version` prints it.
    public static let version = FolioVersion.current
}

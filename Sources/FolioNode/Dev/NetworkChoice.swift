import FolioCore

/// The chain a node runs, from the `network` setting: `dev`, or a genesis file's path.
enum NetworkChoice {
    /// The built-in dev chain.
    case dev
    /// A genesis file.
    case genesisFile(String)

    /// Reads the setting; `test` has no published genesis yet, so it is refused with advice.
    init(setting: String) throws(NodeStartError) {
        if setting == "dev" {
            self = .dev
        } else if setting.hasSuffix(".json") || setting.contains("/") {
            self = .genesisFile(setting)
        } else {
            throw .unknownNetwork(setting)
        }
    }

    /// The chain parameters.
    func params() throws(NodeStartError) -> ChainParams {
        switch self {
        case .dev: return try DevChain.params()
        case let .genesisFile(path):
            do { return try ChainParams.load(genesisFileAt: path) } catch { throw .genesis(error.description) }
        }
    }

    /// Whether the node produces every block itself with nobody to sync from.
    var isStandalone: Bool {
        if case .dev = self { return true }
        return false
    }
}

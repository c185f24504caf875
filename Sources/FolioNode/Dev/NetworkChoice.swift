import FolioCore

/// The chain a node runs, from the `network` setting: `dev`, or a genesis file's path.
enum NetworkChoice {
    /// The built-in dev chain.
    case dev
    /// The built-in public test network (`TestNetworkGenesis`).
    case test
    /// A genesis file.
    case genesisFile(String)

    /// Reads the setting: `dev`, `test`, or a genesis file's path.
    init(setting: String) throws(NodeStartError) {
        if setting == "dev" {
            self = .dev
        } else if setting == "test" {
            self = .test
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
        case .test:
            do { return try ChainParams(genesisJSON: Array(TestNetworkGenesis.json.utf8)) } catch {
                throw .genesis("the built-in test network genesis: \(error.description)")
            }
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

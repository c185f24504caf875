import FolioAPI
import FolioChain
import FolioConsensus
import FolioCore
import FolioMempool
import FolioNetwork
import FolioPeer
import FolioPoA
import FolioPoW
import FolioStore

/// FolioNode is the composition root of `foliod`: configuration, the engine picked from genesis,
/// and the services (P2P, RPC, sealer, metrics, explorer). (Built by the node issue.)
public enum NodeBuild {
    /// The release version of this build, as `--version` prints it.
    public static let version = FolioVersion.current
}

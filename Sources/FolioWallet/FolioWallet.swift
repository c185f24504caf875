import FolioAPI
import FolioCore
import FolioKeystore

/// FolioWallet owns keys, building and signing transactions, local fingerprinting and licence
/// dry-runs; it reaches a node only through FolioAPI. (Built by the wallet issue.)
public enum WalletBuild {
    /// The release version of this build, as `--version` prints it.
    public static let version = FolioVersion.current
}

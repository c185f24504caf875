import FolioCore
import FolioCrypto

/// FolioKeystore owns encrypted key files (scrypt + AEAD), written atomically.
/// It knows nothing of nodes or RPC. (Built by the wallet issue.)
public enum KeystoreFormat {
    /// The key-file format version this build writes.
    public static let currentVersion = 1
}

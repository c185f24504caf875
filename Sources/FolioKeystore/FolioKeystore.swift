/// FolioKeystore owns encrypted key files: one JSON file per Ed25519 key, the seed encrypted
/// with ChaCha20-Poly1305 under a scrypt-derived key, written so that a crash or a full disk
/// never leaves a half-written key file. It knows nothing of nodes, RPC or networks: addresses
/// are stored as 20 raw bytes in hex, and the wallet chooses how to show them.
/// `docs/keystore.md` describes the format.
public enum KeystoreFormat {
    /// The key-file format version this build writes (and the only one it reads).
    public static let currentVersion = 1
    /// The `kdf.name` value this build writes and reads.
    static let kdfName = "scrypt"
    /// The `cipher.name` value this build writes and reads.
    static let cipherName = "chacha20-poly1305"
    /// Salt length in bytes.
    static let saltByteCount = 32
    /// Largest key file this build reads; real ones are well under 1 KiB.
    static let maximumFileByteCount = 64 * 1024
    /// Largest scrypt memory a key file may ask for (1 GiB), so a hostile file cannot
    /// make the wallet allocate without bound.
    static let maximumScryptMemory: UInt64 = 1 << 30
}

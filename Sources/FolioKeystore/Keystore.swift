import FolioCore
import FolioCrypto

/// A directory of key files, one per key, named `key-<address hex>.json`.
///
/// Reads never change a file. Writes go through `AtomicFileWriter`, so a key file is either
/// the old one or the complete new one, whatever fails on the way.
public struct Keystore: Sendable {
    /// The keystore directory.
    public let directory: String
    let files: any FileOperations

    /// A keystore over `directory` (created on first write).
    public init(directory: String) {
        self.init(directory: directory, files: POSIXFileOperations())
    }

    init(directory: String, files: any FileOperations) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.files = files
    }

    /// The file name that holds `address`'s key.
    public static func fileName(for address: Address) -> String {
        "key-" + HexCoding.encode(address.bytes) + ".json"
    }

    /// The path that holds `address`'s key.
    public func path(for address: Address) -> String {
        directory + "/" + Self.fileName(for: address)
    }

    /// Every key file in the directory, sorted by name, each read without the passphrase.
    /// A missing directory is an empty keystore; temporary files from interrupted writes are skipped.
    public func list() throws(KeystoreError) -> [KeyListing] {
        guard files.exists(directory) else { return [] }
        let names = try files.list(directory)
            .filter { $0.hasPrefix("key-") && $0.hasSuffix(".json") }
            .sorted()
        return names.map { name in
            let path = directory + "/" + name
            return KeyListing(path: path, result: Result { () throws(KeystoreError) in try readEntry(at: path, name: name) })
        }
    }

    /// The key entry for `address`, read without the passphrase.
    public func entry(for address: Address) throws(KeystoreError) -> KeyEntry {
        let path = path(for: address)
        guard files.exists(path) else { throw .keyNotFound(address: HexCoding.encode(address.bytes)) }
        return try readEntry(at: path, name: Self.fileName(for: address))
    }

    /// The private key for `address`, decrypted with `passphrase`.
    public func unlock(_ address: Address, passphrase: SecretBytes) throws(KeystoreError) -> PrivateKey {
        let path = path(for: address)
        guard files.exists(path) else { throw .keyNotFound(address: HexCoding.encode(address.bytes)) }
        let file = try KeyFile.decode(files.read(path, limit: KeystoreFormat.maximumFileByteCount), path: path)
        return try KeySealer.open(file, passphrase: passphrase, path: path)
    }

    /// The stored bytes of `address`'s key file (still encrypted), for export.
    public func keyFileBytes(for address: Address) throws(KeystoreError) -> [UInt8] {
        let entry = try entry(for: address)
        return try files.read(entry.path, limit: KeystoreFormat.maximumFileByteCount)
    }

    /// Encrypts `key` under `passphrase` and writes its file, using the system's randomness.
    @discardableResult
    public func save(
        _ key: PrivateKey, passphrase: SecretBytes, cost: ScryptCost = .standard, replacing: Bool = false
    ) throws(KeystoreError) -> KeyEntry {
        var random = SystemRandom()
        return try save(key, passphrase: passphrase, cost: cost, replacing: replacing, random: &random)
    }

    /// Encrypts `key` under `passphrase` with salt and nonce from `random`, and writes its file.
    ///
    /// Refuses with `alreadyExists` when the address has a file, unless `replacing`. The file is
    /// read back and decrypted before it is renamed into place.
    @discardableResult
    public func save<R: RandomSource>(
        _ key: PrivateKey, passphrase: SecretBytes, cost: ScryptCost, replacing: Bool, random: inout R
    ) throws(KeystoreError) -> KeyEntry {
        let address = Address(publicKey: key.publicKey)
        let path = path(for: address)
        if !replacing && files.exists(path) {
            throw .alreadyExists(address: HexCoding.encode(address.bytes), path: path)
        }
        let file = try KeySealer.seal(key, passphrase: passphrase, cost: cost, random: &random)
        try write(file.encoded(), for: address, random: &random) { (bytes, temporary) throws(KeystoreError) in
            let reread = try KeyFile.decode(bytes, path: temporary)
            let reopened = try KeySealer.open(reread, passphrase: passphrase, path: temporary)
            guard reopened.publicKey == key.publicKey else { throw .readBackMismatch(path: temporary) }
        }
        return KeyEntry(address: address, publicKey: key.publicKey, path: path)
    }

    /// Stores an existing key file's bytes unchanged, after checking that `passphrase` opens it.
    @discardableResult
    public func importKeyFile(_ bytes: [UInt8], passphrase: SecretBytes, source: String) throws(KeystoreError) -> KeyEntry {
        let file = try KeyFile.decode(bytes, path: source)
        let key = try KeySealer.open(file, passphrase: passphrase, path: source)
        let address = Address(publicKey: key.publicKey)
        let path = path(for: address)
        if files.exists(path) { throw .alreadyExists(address: HexCoding.encode(address.bytes), path: path) }
        var random = SystemRandom()
        try write(bytes, for: address, random: &random) { (reread, temporary) throws(KeystoreError) in
            _ = try KeyFile.decode(reread, path: temporary)
        }
        return KeyEntry(address: address, publicKey: key.publicKey, path: path)
    }

    private func write<R: RandomSource>(
        _ bytes: [UInt8], for address: Address, random: inout R,
        verify: ([UInt8], String) throws(KeystoreError) -> Void
    ) throws(KeystoreError) {
        try files.makeDirectory(directory)
        let token: String
        do { token = HexCoding.encode(try random.bytes(count: 8)) } catch { throw .from(error) }
        try AtomicFileWriter(files: files).write(bytes, to: Self.fileName(for: address), in: directory,
                                                 token: token, verify: verify)
    }

    private func readEntry(at path: String, name: String) throws(KeystoreError) -> KeyEntry {
        let file = try KeyFile.decode(files.read(path, limit: KeystoreFormat.maximumFileByteCount), path: path)
        let fields = try KeyFileFields(file, path: path)
        guard let address = Address(bytes: fields.address), let publicKey = try? PublicKey(bytes: fields.publicKey) else {
            throw .corrupt(path: path, reason: "\"address\" or \"publicKey\" has the wrong length")
        }
        guard name == Self.fileName(for: address) else {
            throw .corrupt(path: path, reason: "the file name does not match \"address\"")
        }
        return KeyEntry(address: address, publicKey: publicKey, path: path)
    }
}

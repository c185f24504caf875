import FolioCore
import FolioCrypto
import FolioKeystore

/// Key management over one keystore directory: the operations behind `folio key …`.
public struct WalletKeys: Sendable {
    /// The keystore the keys live in.
    public let keystore: Keystore
    /// The scrypt cost new key files get.
    public let cost: ScryptCost

    /// Keys in `directory`, written with `cost`.
    public init(directory: String, cost: ScryptCost = .standard) {
        keystore = Keystore(directory: directory)
        self.cost = cost
    }

    /// Makes a key from the system's randomness and stores it under `passphrase`.
    public func create(passphrase: SecretBytes) throws(WalletError) -> KeyEntry {
        do {
            let key = try PrivateKey.generate()
            return try keystore.save(key, passphrase: passphrase, cost: cost)
        } catch let error as KeystoreError {
            throw .keystore(error)
        } catch {
            throw WalletError(code: "random-failed", exit: .refused,
                              message: "the system random generator failed (\(error)); no key was made. Retry, and report it if it persists.")
        }
    }

    /// Every key file, sorted by name, with errors for the unreadable ones.
    public func list() throws(WalletError) -> [KeyListing] {
        do { return try keystore.list() } catch { throw .keystore(error) }
    }

    /// Stores a raw 32-byte seed (64 hex digits) under `passphrase`.
    public func importSeed(hex text: String, passphrase: SecretBytes) throws(WalletError) -> KeyEntry {
        let trimmed = text.filter { !$0.isWhitespace }
        guard trimmed.count == 64, let seed = HexCoding.decode(trimmed) else {
            throw .usage("the seed must be 64 hex digits (32 bytes). Check the seed file.")
        }
        let key: PrivateKey
        do { key = try PrivateKey(seed: seed) } catch {
            throw .usage("the seed is not a valid Ed25519 seed (\(error)).")
        }
        do { return try keystore.save(key, passphrase: passphrase, cost: cost) } catch { throw .keystore(error) }
    }

    /// Stores a key file (from `folio key export` or `foliod`) once `passphrase` opens it.
    public func importKeyFile(_ bytes: [UInt8], passphrase: SecretBytes, source: String) throws(WalletError) -> KeyEntry {
        do { return try keystore.importKeyFile(bytes, passphrase: passphrase, source: source) } catch { throw .keystore(error) }
    }

    /// The encrypted key file of `address`, unchanged.
    public func exportKeyFile(_ address: Address) throws(WalletError) -> [UInt8] {
        do { return try keystore.keyFileBytes(for: address) } catch { throw .keystore(error) }
    }

    /// The raw seed of `address` in hex, after the passphrase opens its file.
    public func exportSeed(_ address: Address, passphrase: SecretBytes) throws(WalletError) -> String {
        try unlock(address, passphrase: passphrase).withUnsafeSeedBytes { HexCoding.encode($0) }
    }

    /// The private key of `address`.
    public func unlock(_ address: Address, passphrase: SecretBytes) throws(WalletError) -> PrivateKey {
        do { return try keystore.unlock(address, passphrase: passphrase) } catch { throw .keystore(error) }
    }

    /// The signing address: `from` if given, else the first readable key in name order.
    public func signer(from: Address?) throws(WalletError) -> Address {
        if let from {
            do { return try keystore.entry(for: from).address } catch { throw .keystore(error) }
        }
        guard let first = try list().lazy.compactMap({ try? $0.result.get() }).first else {
            throw WalletError(code: "no-keys", exit: .usage,
                              message: "the keystore \(keystore.directory) holds no keys. Run `folio key new` or pass --keystore DIR.")
        }
        return first.address
    }
}

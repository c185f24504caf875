import FolioCore
import FolioCrypto
import FolioKeystore

/// Writes the ten dev accounts as keystore files (passphrase `dev`) into
/// `<datadir>/keystore`, so `folio --keystore <datadir>/keystore` can sign at once. The keys
/// are public (they derive from the published seed), so the light scrypt cost is used: the
/// files protect nothing and should open fast.
enum DevKeystore {
    /// The passphrase of every dev key file.
    static let passphrase = "dev"

    /// The keystore directory inside `dataDirectory`.
    static func directory(dataDirectory: String) -> String { dataDirectory + "/keystore" }

    /// Writes the files that are missing; returns each account's address and file path.
    static func write(dataDirectory: String) throws(KeystoreError) -> [(address: Address, path: String)] {
        let keystore = Keystore(directory: directory(dataDirectory: dataDirectory))
        let secret = SecretBytes(copying: Array(passphrase.utf8))
        var written: [(Address, String)] = []
        for index in 0..<DevChain.accountCount {
            guard let key = try? DevChain.account(index) else { continue }
            let address = Address(publicKey: key.publicKey)
            if (try? keystore.entry(for: address)) == nil {
                try keystore.save(key, passphrase: secret, cost: .light)
            }
            written.append((address, keystore.path(for: address)))
        }
        return written
    }
}

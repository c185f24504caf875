import FolioCore

/// A key file found in a keystore, read without the passphrase.
public struct KeyEntry: Hashable, Sendable {
    /// The account address.
    public let address: Address
    /// The account's public key.
    public let publicKey: PublicKey
    /// The file's path.
    public let path: String
}

/// One file in a keystore directory as `Keystore.list()` saw it: a key, or why it is not one.
public struct KeyListing: Sendable {
    /// The file's path.
    public let path: String
    /// The key it holds, or the error that stops it being read.
    public let result: Result<KeyEntry, KeystoreError>
}

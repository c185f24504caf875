import FolioCore

/// FolioWallet owns keys, building and signing transactions, passphrase sources and output
/// formatting for the `folio` command; it reaches a node only through FolioAPI and never sends
/// a key anywhere. It refuses to know about argument parsing (that is `folio`'s) or about how
/// key files are laid out (that is FolioKeystore's).
public enum WalletBuild {
    /// The release version of this build, as `--version` prints it.
    public static let version = FolioVersion.current
}

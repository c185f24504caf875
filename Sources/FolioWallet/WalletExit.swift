/// The `folio` command's exit statuses.
public enum WalletExit: Int32, Sendable {
    /// The command did what was asked.
    case success = 0
    /// The rules refused: a wrong passphrase, a transaction consensus would reject, a bad key file.
    case refused = 1
    /// The command line was wrong.
    case usage = 2
    /// No node answered at the RPC address.
    case nodeUnreachable = 3
}

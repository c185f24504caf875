import FolioKeystore

/// Why a wallet command failed: what went wrong, what to do next, and the exit status.
public struct WalletError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The exit status the command ends with.
    public let exit: WalletExit
    /// What went wrong and what to do next, for people.
    public let message: String
    /// A stable short code for scripts and `folio explain`.
    public let code: String

    /// An error with its code, exit status and message.
    public init(code: String, exit: WalletExit, message: String) {
        self.code = code
        self.exit = exit
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// A command-line mistake (exit 2).
    public static func usage(_ message: String) -> WalletError {
        WalletError(code: "usage", exit: .usage, message: message)
    }

    /// A node-talking command used before any node client exists, or with no node answering (exit 3).
    public static func nodeUnreachable(_ message: String) -> WalletError {
        WalletError(code: "node-unreachable", exit: .nodeUnreachable, message: message)
    }

    /// A keystore failure: wrong passphrase and bad files are refusals (exit 1).
    public static func keystore(_ error: KeystoreError) -> WalletError {
        let code: String
        switch error {
        case .wrongPassphrase: code = "wrong-passphrase"
        case .corrupt: code = "corrupt-key-file"
        case .unknownVersion: code = "unknown-key-file-version"
        case .keyNotFound: code = "key-not-found"
        case .alreadyExists: code = "key-exists"
        case .io, .readBackMismatch: code = "keystore-io"
        case .crypto: code = "crypto"
        }
        return WalletError(code: code, exit: .refused, message: error.description)
    }
}

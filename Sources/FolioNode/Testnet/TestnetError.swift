/// Why a testnet command failed; each says what to do.
public enum TestnetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line asks for something impossible.
    case usage(String)
    /// Writing the testnet's files or starting a process failed.
    case setup(String)
    /// No testnet is set up in the directory.
    case notSetUp(String)
    /// A node did not do what was asked in time.
    case timeout(String)

    public var description: String {
        switch self {
        case let .usage(text), let .setup(text), let .timeout(text): return text
        case let .notSetUp(directory):
            return "no testnet in \(directory); run `folio-testnet up --dir \(directory)` first"
        }
    }
}

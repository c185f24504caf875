/// What each wallet error code means and what to do about it, for `folio explain CODE`.
public enum ErrorCatalogue {
    /// One explained code.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The code as errors print it.
        public let code: String
        /// The exit status that comes with it.
        public let exit: Int32
        /// What it means.
        public let meaning: String
        /// What to do next.
        public let next: String
    }

    /// Every code the wallet itself produces, in alphabetical order.
    public static let entries: [Entry] = [
        Entry(code: "corrupt-key-file", exit: 1, meaning: "A key file is damaged: bad JSON, a missing or malformed field, or an altered encrypted part.",
              next: "Restore the file from a backup. The wallet never changes a file it cannot read."),
        Entry(code: "key-exists", exit: 1, meaning: "The keystore already holds a key for that address.",
              next: "Nothing was written. Remove or rename the existing file first if you mean to replace it."),
        Entry(code: "key-not-found", exit: 1, meaning: "No key file in the keystore holds that address.",
              next: "Run `folio key list`, or pass --keystore DIR pointing at the right directory."),
        Entry(code: "keystore-io", exit: 1, meaning: "Reading or writing a key file failed (no space, permissions, a failing disk).",
              next: "Fix the cause and retry; the previous key file is left intact."),
        Entry(code: "no-keys", exit: 2, meaning: "The keystore has no keys, so there is no default signer.",
              next: "Run `folio key new` or `folio key import`, or pass --keystore DIR."),
        Entry(code: "node-unreachable", exit: 3, meaning: "No node answered, or this build has no node client yet.",
              next: "Start `foliod`, check --rpc URL and --rpc-cookie FILE, or use a folio build with the node client."),
        Entry(code: "unknown-key-file-version", exit: 1, meaning: "The key file was written by a newer format than this build reads.",
              next: "Use a folio release that reads that version."),
        Entry(code: "usage", exit: 2, meaning: "The command line was wrong: a missing argument, a bad address or amount, no passphrase source.",
              next: "Run the command with --help for its arguments and an example."),
        Entry(code: "wrong-passphrase", exit: 1, meaning: "The passphrase does not open the key file.",
              next: "Check the passphrase, FOLIO_PASSPHRASE and --passphrase-file, then retry."),
    ]

    /// The entry for `code`, if the wallet knows it.
    public static func entry(for code: String) -> Entry? {
        entries.first { $0.code == code.lowercased() }
    }
}

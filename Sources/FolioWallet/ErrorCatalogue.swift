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
        Entry(code: "fingerprint-failed", exit: 1, meaning: "The file could not be fingerprinted: not a WAV, PNG, JPEG, PPM or UTF-8 text file, or an unusable model.",
              next: "Check the file's format; pass --model FILE only for a Folio model file."),
        Entry(code: "key-exists", exit: 1, meaning: "The keystore already holds a key for that address.",
              next: "Nothing was written. Remove or rename the existing file first if you mean to replace it."),
        Entry(code: "key-not-found", exit: 1, meaning: "No key file in the keystore holds that address.",
              next: "Run `folio key list`, or pass --keystore DIR pointing at the right directory."),
        Entry(code: "keystore-io", exit: 1, meaning: "Reading or writing a key file failed (no space, permissions, a failing disk).",
              next: "Fix the cause and retry; the previous key file is left intact."),
        Entry(code: "licence-refused", exit: 1, meaning: "`licence check`: the offer's terms would refuse the use; the output names the rule and why.",
              next: "Change the use (or the payment) as the rule asks, or ask the owner for other terms."),
        Entry(code: "near-duplicate", exit: 1, meaning: "The work is within the chain's duplicate distance of a registered work you hold no share in; the wallet refused before signing.",
              next: "If it is a licensed derivative, accept a licence that allows derivatives and register with --parent WORK."),
        Entry(code: "no-keys", exit: 2, meaning: "The keystore has no keys, so there is no default signer.",
              next: "Run `folio key new` or `folio key import`, or pass --keystore DIR."),
        Entry(code: "node-credentials", exit: 3, meaning: "The node refused the RPC credentials (HTTP 401).",
              next: "Pass --datadir DIR of the running node (its .cookie changes at each start) or --rpc-token TOKEN."),
        Entry(code: "node-unavailable", exit: 3, meaning: "The node does not serve the method this command needs yet.",
              next: "Use a newer foliod; docs/wallet.md lists what works today."),
        Entry(code: "node-unreachable", exit: 3, meaning: "No node answered at the RPC address, its cookie file is missing, or the node failed while answering.",
              next: "Start `foliod`; check --rpc URL (FOLIO_RPC) and --datadir DIR (FOLIO_DATADIR) or --rpc-token."),
        Entry(code: "not-found", exit: 1, meaning: "The node does not know the transaction, work, offer or licence asked for (or dropped the transaction, saying why).",
              next: "Check the id; a just-sent transaction may have been dropped, so look at the reason and send again."),
        Entry(code: "offer-parameters", exit: 1, meaning: "The offer's parameters do not fit its template, so the chain refuses any acceptance of it.",
              next: "Ask the offerer to revoke it and offer again with the template's parameters."),
        Entry(code: "template-invalid", exit: 1, meaning: "The licence-terms file does not compile.",
              next: "Fix the line and column named in the message and publish again."),
        Entry(code: "template-language-version", exit: 1, meaning: "The template is written for a licence-language version this folio does not read.",
              next: "Use a folio built for that language version."),
        Entry(code: "tx-dropped", exit: 1, meaning: "A pending transaction was dropped by the block producer; the message gives the rule it broke.",
              next: "Fix the cause (balance, nonce, a conflicting registration) and send again."),
        Entry(code: "tx-refused", exit: 1, meaning: "The node refused the transaction; the message starts with the rule's reason code (near-duplicate, insufficient-balance, nonce-used, …).",
              next: "Nothing was sent to the ledger. Fix the cause and send again."),
        Entry(code: "unknown-key-file-version", exit: 1, meaning: "The key file was written by a newer format than this build reads.",
              next: "Use a folio release that reads that version."),
        Entry(code: "usage", exit: 2, meaning: "The command line was wrong: a missing argument, a bad address or amount, no passphrase source.",
              next: "Run the command with --help for its arguments and an example."),
        Entry(code: "wait-timeout", exit: 1, meaning: "`folio tx wait` gave up before the transaction had the confirmations asked for.",
              next: "Run `folio tx wait ID` again, or raise --timeout."),
        Entry(code: "wrong-passphrase", exit: 1, meaning: "The passphrase does not open the key file.",
              next: "Check the passphrase, FOLIO_PASSPHRASE and --passphrase-file, then retry."),
    ]

    /// The entry for `code`, if the wallet knows it.
    public static func entry(for code: String) -> Entry? {
        entries.first { $0.code == code.lowercased() }
    }
}

/// Hard caps on every variable-length field of the data model.
///
/// The decoder checks each count or length against its cap before it reads or allocates, so
/// nothing read from a peer can grow past these numbers. Chain parameters may set tighter block
/// limits (`ChainParams.maxBlockBytes`, `ChainParams.maxTransactionsPerBlock`), never looser.
public enum Limits {
    /// Bytes of UTF-8 in a work's title.
    public static let titleBytes = 256
    /// Co-owners listed on one work.
    public static let ownersPerWork = 64
    /// Parent works a derivative may declare.
    public static let parentsPerWork = 16
    /// Named parameters on one offer or acceptance.
    public static let licenceParameters = 64
    /// Bytes of UTF-8 in a parameter name.
    public static let parameterNameBytes = 64
    /// Bytes in a parameter value (the canonical bytes of the template's declared type).
    public static let parameterValueBytes = 256
    /// Bytes in a usage report's action name (an ODRL action such as `stream`).
    public static let usageActionBytes = 32
    /// Bytes in a published template, source text or bytecode (64 KiB).
    public static let templateBytes = 64 * 1024
    /// Largest encoded state (counters and variables) one licence may accumulate; a
    /// transaction whose terms would grow it past this is refused, so no licence's record can
    /// grow without bound.
    public static let licenceTermsStateBytes = 16 * 1024
    /// Transactions in one block.
    public static let transactionsPerBlock = 10_000
    /// Canonical bytes of one whole block, header included (4 MiB).
    public static let blockBytes = 4 * 1024 * 1024
    /// Authorities a proof-of-authority genesis may name.
    public static let genesisAuthorities = 256
    /// Accounts a genesis file may prefund.
    public static let genesisAllocations = 10_000
}

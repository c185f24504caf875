import FolioCore

/// FolioLicence owns the licence-terms language (docs/licence-language.md): lexer, parser,
/// checker and compiler, the canonical bytecode, the metered VM, shipped templates and the
/// evaluation API the chain calls. It knows nothing of blocks, storage or the network: the chain
/// hands it a licence, a transaction and a read-only view of ledger facts.
public enum LicenceLanguage {
    /// Version of the gas schedule; a template records the schedule it was priced under.
    public static let gasScheduleVersion: UInt32 = 1
    /// Version of the bytecode format.
    public static let bytecodeVersion: UInt32 = 1
    /// The default per-transaction gas cap a published template's worst case must fit under.
    public static let defaultGasCap: UInt64 = 1_000_000
}

/// Hard limits that keep hostile source and bytecode bounded.
enum Limits {
    static let sourceBytes = 65_536
    static let identifierBytes = 64
    static let textBytes = 256
    static let declarations = 64
    static let clauses = 256
    static let instructions = 16_384
    static let constants = 1_024
    static let nesting = 64
    static let collection = 64
    static let locals = 256
    static let parents = 8
}

import FolioConsensus
import FolioCore
import FolioFingerprint
import FolioLicence
import FolioStore

/// FolioChain owns the ledger: block acceptance (sanity, context, connect), fork choice,
/// reorgs and the state transition. It never names a consensus engine. (Built by the chain issue.)
public enum ChainRules {
    /// Largest number of transactions a block may carry.
    public static let maxTransactionsPerBlock = 10_000
}

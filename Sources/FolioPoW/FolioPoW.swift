import FolioConsensus
import FolioCore
import FolioCrypto

/// FolioPoW is the proof-of-work engine: double SHA-256 headers, compact targets, ASERT
/// difficulty and a multi-core miner. (Built by the consensus issue.)
public enum ProofOfWork {
    /// The engine name used in genesis files.
    public static let engineName = "pow"
}

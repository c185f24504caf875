import FolioConsensus
import FolioCore
import FolioCrypto

/// FolioPoA is the proof-of-authority engine: Ed25519-sealed headers from a genesis list of
/// authorities, in-turn and out-of-turn sealing. (Built by the consensus issue.)
public enum ProofOfAuthority {
    /// The engine name used in genesis files.
    public static let engineName = "poa"
}

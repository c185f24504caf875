/// FolioPoA is the proof-of-authority engine: Ed25519-sealed headers from a genesis list of
/// authorities, in-turn and out-of-turn sealing, authority votes and equivocation evidence.
public enum ProofOfAuthority {
    /// The engine name used in genesis files.
    public static let engineName = "poa"
    /// Snapshots of the authority set are cached at heights that are multiples of this, so
    /// verification replays at most this many blocks.
    public static let checkpointInterval: UInt64 = 1024
}

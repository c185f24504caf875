import FolioChain
import FolioCore

/// FolioMempool owns pending transactions and local admission policy. (Built by the chain issue.)
public enum MempoolPolicy {
    /// Default cap on pending transactions held.
    public static let defaultCapacity = 50_000
}

import FolioCore

/// FolioStore owns the `ChainStore` protocol and its in-memory and SQLite implementations.
/// It stores what it is given and validates nothing. (Built by the chain issue.)
public enum ChainStoreSchema {
    /// Schema version of the SQLite chain store.
    public static let version = 1
}

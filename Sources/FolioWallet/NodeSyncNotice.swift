import FolioAPI

/// What a person should know before trusting a node's answers: a node that is syncing,
/// stalled or without peers shows an old tip, and a transaction is checked against it.
public enum NodeSyncNotice {
    /// A one-line note for `sync`, or nil when the node is synced or runs its own chain.
    public static func text(_ sync: SyncStatus) -> String? {
        switch sync.state {
        case .synced, .standalone:
            return nil
        case .syncing:
            let eta = sync.etaSeconds.map { ", about \($0) s to go" } ?? ""
            return "the node is still syncing (validated \(sync.validatedHeight) of \(sync.knownHeight) blocks\(eta)); "
                + "balances and works may be out of date until it catches up (watch it with: folio status)."
        case .stalled:
            return "the node's sync has stalled at block \(sync.validatedHeight) of \(sync.knownHeight); "
                + "what it shows may be out of date (check its peers and log)."
        case .noPeers:
            return "the node has no peers, so it cannot tell whether its tip (block \(sync.validatedHeight)) is current; "
                + "check its --peers setting and network."
        }
    }
}

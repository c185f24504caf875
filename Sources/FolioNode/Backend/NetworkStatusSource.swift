import FolioAPI

/// What the backend asks of the peer-to-peer service for `net_peers`, `node_sync` and the
/// explorer. A node without networking (the dev chain) has none.
public protocol NetworkStatusSource: Sendable {
    /// Connected peers.
    func peers() async -> [PeerSummary]
    /// The best header height heard of, the validated height and the number of peers.
    func progress() async -> (knownHeight: UInt64, validatedHeight: UInt64, peerCount: Int)
}

import FolioCore
import FolioWire

/// Transaction ids waiting to be announced to one peer, in the order they were queued, each
/// once. The manager sends them as one `inv` per flush (a short timer, like bitcoind's
/// trickle) instead of one `inv` frame per transaction per peer, which was most of the relay
/// work under a steady transfer load (docs/benchmarks.md, B9 with heavy blocks).
package struct AnnouncementQueue: Sendable {
    /// Most ids in one `inv`: a full batch is sent at once, without waiting for the timer.
    package let batchLimit: Int
    private var ids: [Hash256] = []
    private var queued: Set<Hash256> = []

    /// An empty queue whose batches hold at most `batchLimit` ids (clamped to 1 ...
    /// `WireLimits.inventoryItems`, the most a peer's decoder takes).
    package init(batchLimit: Int = WireLimits.inventoryItems) {
        self.batchLimit = min(max(batchLimit, 1), WireLimits.inventoryItems)
    }

    /// Ids waiting.
    package var count: Int { ids.count }

    /// Whether a whole batch is waiting.
    package var isFull: Bool { ids.count >= batchLimit }

    /// Queues `id`; returns false if it was queued already.
    @discardableResult
    package mutating func append(_ id: Hash256) -> Bool {
        guard queued.insert(id).inserted else { return false }
        ids.append(id)
        return true
    }

    /// Takes every waiting id, in queue order.
    package mutating func drain() -> [Hash256] {
        let taken = ids
        ids = []
        queued = []
        return taken
    }

    /// `ids` cut into batches of at most `batchLimit`, in order.
    package func batches(_ ids: [Hash256]) -> [[Hash256]] {
        stride(from: 0, to: ids.count, by: batchLimit).map { Array(ids[$0..<min($0 + batchLimit, ids.count)]) }
    }
}

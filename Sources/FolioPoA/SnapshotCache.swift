import FolioCore

/// Authority snapshots by block id, in bounded memory.
///
/// Snapshots at checkpoint heights are kept for good (one per `checkpointInterval` blocks, so
/// verification never replays further than that); every other snapshot goes into a ring of
/// the most recent `recentCapacity`, enough for the tip, its siblings and a reorg's worth of
/// blocks. Without the ring, the engine kept a snapshot per block for the life of the process.
struct SnapshotCache {
    /// Non-checkpoint snapshots kept at most.
    static let recentCapacity = 512

    private var checkpoints: [Hash256: AuthoritySnapshot] = [:]
    private var recent: [Hash256: AuthoritySnapshot] = [:]
    /// Ids in `recent`, oldest at `next` once the ring has filled.
    private var ring: [Hash256] = []
    private var next = 0

    /// The snapshot after block `id`, if kept.
    subscript(id: Hash256) -> AuthoritySnapshot? {
        checkpoints[id] ?? recent[id]
    }

    /// How many snapshots are held (for tests).
    var count: Int { checkpoints.count + recent.count }

    /// Keeps `snapshot` as the one after block `id`; a checkpoint is kept for good.
    mutating func insert(_ snapshot: AuthoritySnapshot, for id: Hash256, checkpoint: Bool) {
        if checkpoint {
            checkpoints[id] = snapshot
            return
        }
        guard recent.updateValue(snapshot, forKey: id) == nil else { return }
        if ring.count < Self.recentCapacity {
            ring.append(id)
            return
        }
        recent[ring[next]] = nil
        ring[next] = id
        next = (next + 1) % Self.recentCapacity
    }
}

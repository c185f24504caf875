import FolioConsensus
import FolioCore

/// Headers a peer sent whose blocks this node has not stored yet: the part of header-first
/// sync that runs ahead of full validation. Bounded, so a peer cannot grow it without limit;
/// a header leaves once its block is stored. Each header is held with its branch's work from
/// genesis, when the engine could measure it (nil: not measured, as for proof-of-authority
/// headers whose parent's body is not stored).
struct HeaderTree: Sendable {
    /// Most headers held at once.
    let capacity: Int
    private var byId: [Hash256: (header: BlockHeader, work: ChainWork?)] = [:]
    /// The highest header held (the first one seen wins a tie).
    private(set) var best: BlockHeader?
    /// The most work of any branch held (nil when no held header's work was measured).
    private(set) var mostWork: ChainWork?

    /// An empty tree holding at most `capacity` headers.
    init(capacity: Int) { self.capacity = max(capacity, 1) }

    /// Number of headers held.
    var count: Int { byId.count }

    /// The held header with `id`.
    func header(_ id: Hash256) -> BlockHeader? { byId[id]?.header }

    /// The work of the branch ending in the held header `id`; nil if not held or not measured.
    func work(_ id: Hash256) -> ChainWork? { byId[id]?.work }

    /// Whether a header with `id` is held.
    func contains(_ id: Hash256) -> Bool { byId[id] != nil }

    /// Holds `header`, whose branch has `work`; false when the tree is full.
    mutating func insert(_ header: BlockHeader, work: ChainWork?) -> Bool {
        let id = header.id
        guard byId[id] == nil else { return true }
        guard byId.count < capacity else { return false }
        byId[id] = (header, work)
        if header.height > best?.height ?? 0 || best == nil { best = header }
        if let work, work > mostWork ?? .zero || mostWork == nil { mostWork = work }
        return true
    }

    /// Drops the header with `id` (its block is stored now).
    mutating func remove(_ id: Hash256) {
        guard let removed = byId.removeValue(forKey: id) else { return }
        // Only the header that was the best or carried the most work changes either; during
        // sync the lowest header leaves each time, so this rarely scans.
        if best?.id == id { best = byId.values.max { $0.header.height < $1.header.height }?.header }
        if let work = removed.work, work == mostWork { mostWork = byId.values.compactMap(\.work).max() }
    }

    /// Drops every held header descending from `id` (its block proved invalid).
    mutating func removeDescendants(of id: Hash256) {
        var children: [Hash256: [Hash256]] = [:]
        for (child, entry) in byId { children[entry.header.parent, default: []].append(child) }
        var queue = children[id] ?? []
        while let next = queue.popLast() {
            byId[next] = nil
            queue += children[next] ?? []
        }
        refreshSummaries()
    }

    /// Drops every header at or below `height` (stale forks below the validated tip).
    mutating func removeAll(atOrBelow height: UInt64) {
        byId = byId.filter { $0.value.header.height > height }
        refreshSummaries()
    }

    /// Recomputes `best` and `mostWork` after many headers left.
    private mutating func refreshSummaries() {
        if let current = best, byId[current.id] == nil {
            best = byId.values.max { $0.header.height < $1.header.height }?.header
        }
        mostWork = byId.values.compactMap(\.work).max()
    }
}

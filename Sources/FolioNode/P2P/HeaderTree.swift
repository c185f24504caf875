import FolioCore

/// Headers a peer sent whose blocks this node has not stored yet: the part of header-first
/// sync that runs ahead of full validation. Bounded, so a peer cannot grow it without limit;
/// a header leaves once its block is stored.
struct HeaderTree: Sendable {
    /// Most headers held at once.
    let capacity: Int
    private var byId: [Hash256: BlockHeader] = [:]
    /// The highest header held (the first one seen wins a tie).
    private(set) var best: BlockHeader?

    /// An empty tree holding at most `capacity` headers.
    init(capacity: Int) { self.capacity = max(capacity, 1) }

    /// Number of headers held.
    var count: Int { byId.count }

    /// The held header with `id`.
    func header(_ id: Hash256) -> BlockHeader? { byId[id] }

    /// Whether a header with `id` is held.
    func contains(_ id: Hash256) -> Bool { byId[id] != nil }

    /// Holds `header`; false when the tree is full.
    mutating func insert(_ header: BlockHeader) -> Bool {
        let id = header.id
        guard byId[id] == nil else { return true }
        guard byId.count < capacity else { return false }
        byId[id] = header
        if header.height > best?.height ?? 0 || best == nil { best = header }
        return true
    }

    /// Drops the header with `id` (its block is stored now).
    mutating func remove(_ id: Hash256) {
        guard byId.removeValue(forKey: id) != nil else { return }
        if best?.id == id { best = byId.values.max { $0.height < $1.height } }
    }

    /// Drops every held header descending from `id` (its block proved invalid).
    mutating func removeDescendants(of id: Hash256) {
        var children: [Hash256: [Hash256]] = [:]
        for (child, header) in byId { children[header.parent, default: []].append(child) }
        var queue = children[id] ?? []
        while let next = queue.popLast() {
            byId[next] = nil
            queue += children[next] ?? []
        }
        if let current = best, byId[current.id] == nil { best = byId.values.max { $0.height < $1.height } }
    }

    /// Drops every header at or below `height` (stale forks below the validated tip).
    mutating func removeAll(atOrBelow height: UInt64) {
        byId = byId.filter { $0.value.height > height }
        if let current = best, current.height <= height { best = byId.values.max { $0.height < $1.height } }
    }
}

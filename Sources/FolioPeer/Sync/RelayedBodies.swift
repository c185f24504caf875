import FolioCore

/// Bodies whose headers this node relayed before validating them, kept so peers that ask can
/// fetch them from us at once. Small and bounded: a body leaves when the chain has judged it,
/// or when newer ones push it out.
struct RelayedBodies: Sendable {
    /// Bodies held at most.
    static let capacity = 16
    private var bodies: [Hash256: Block] = [:]
    private var order: [Hash256] = []

    /// Holds `block`, dropping the oldest past the capacity.
    mutating func insert(_ block: Block) {
        guard bodies.updateValue(block, forKey: block.id) == nil else { return }
        order.append(block.id)
        if order.count > Self.capacity { bodies[order.removeFirst()] = nil }
    }

    /// Lets go of the body with `id` (the chain stored or refused it).
    mutating func remove(_ id: Hash256) {
        guard bodies.removeValue(forKey: id) != nil else { return }
        order.removeAll { $0 == id }
    }

    /// The held body with `id`.
    func block(_ id: Hash256) -> Block? { bodies[id] }

    /// Bodies held.
    var count: Int { bodies.count }
}

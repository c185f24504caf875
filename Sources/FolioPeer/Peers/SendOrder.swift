import FolioWire

/// Puts one connection's outgoing frames back into the order its session numbered them in.
///
/// The manager seals frames for a peer in one order, but the actions of two concurrent
/// `handle` calls (one suspended on the chain while the other finishes) can reach the network
/// in the other. A sealed frame's number is its nonce, so the peer refuses a frame written
/// out of turn and drops the link. The network passes every frame through this before
/// writing: a frame ahead of its turn waits until the frames before it arrive.
package struct SendOrder: Sendable {
    /// Frames held at most while waiting for an earlier one; past it the connection is broken.
    package let capacity: Int
    /// The sequence number written next.
    package private(set) var next: UInt64 = 0
    private var held: [UInt64: Frame] = [:]

    /// An empty order holding at most `capacity` early frames.
    package init(capacity: Int = 1_024) { self.capacity = max(capacity, 1) }

    /// Frames waiting for an earlier one.
    package var heldCount: Int { held.count }

    /// Takes frame number `sequence` and returns the frames now ready to write, in order (empty
    /// while it waits, or for a number already written); nil when more than `capacity`
    /// frames would wait, which means an earlier frame is lost and the link cannot recover.
    package mutating func admit(_ frame: Frame, sequence: UInt64) -> [Frame]? {
        guard sequence >= next else { return [] }
        guard sequence == next else {
            guard held.count < capacity else { return nil }
            held[sequence] = frame
            return []
        }
        var ready = [frame]
        next += 1
        while let waiting = held.removeValue(forKey: next) {
            ready.append(waiting)
            next += 1
        }
        return ready
    }
}

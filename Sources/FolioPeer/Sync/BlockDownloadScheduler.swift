import DequeModule
import FolioCore

/// Plans block body downloads after header sync: bodies are requested from several peers in
/// parallel, each body from one peer at a time; a request that times out, or that the peer
/// answers with `notfound`, goes back to the queue for another peer. Bodies that arrive out
/// of order wait until every earlier one is in, so the chain connects them in height order.
package struct BlockDownloadScheduler: Sendable {
    /// Bodies one peer may have outstanding.
    package let perPeerLimit: Int
    /// Milliseconds before an unanswered request is given to another peer.
    package let timeoutMillis: Int64

    private var order: Deque<Hash256> = []
    private var heights: [Hash256: UInt64] = [:]
    private var waiting: Deque<Hash256> = []
    private var inFlight: [Hash256: (peer: Int, deadline: Int64)] = [:]
    private var received: [Hash256: Block] = [:]
    private var lacking: [Hash256: Set<Int>] = [:]
    /// For a body every able peer lacks: not asked for again before this time, so a peer that
    /// announced a header and then found its block invalid is not asked in a tight loop.
    private var retryAt: [Hash256: Int64] = [:]

    /// A scheduler.
    package init(perPeerLimit: Int = 16, timeoutMillis: Int64 = 5_000) {
        self.perPeerLimit = max(perPeerLimit, 1)
        self.timeoutMillis = timeoutMillis
    }

    /// Whether `id` is queued, requested or received but not yet handed to the chain.
    package func isScheduled(_ id: Hash256) -> Bool { heights[id] != nil }

    /// Whether a body for `id` is requested from some peer right now.
    package func isInFlight(_ id: Hash256) -> Bool { inFlight[id] != nil }

    /// Bodies scheduled and not yet handed over.
    package var pendingCount: Int { order.count }

    /// Queues the body of the header `id` at `height` (ignored if already scheduled).
    package mutating func enqueue(_ id: Hash256, height: UInt64) {
        guard heights[id] == nil else { return }
        heights[id] = height
        order.append(id)
        waiting.append(id)
    }

    /// Hands waiting bodies to peers with room, skipping peers whose best height is below the
    /// block's or who said they lack it. Returns the requests to send, per peer.
    package mutating func assign(peers: [(id: Int, bestHeight: UInt64)], now: Int64) -> [Int: [Hash256]] {
        var load: [Int: Int] = [:]
        for entry in inFlight.values { load[entry.peer, default: 0] += 1 }
        var requests: [Int: [Hash256]] = [:]
        var kept: Deque<Hash256> = []
        while let id = waiting.popFirst() {
            let height = heights[id] ?? 0
            let room = peers.filter { $0.bestHeight >= height && load[$0.id, default: 0] < perPeerLimit }
            let fresh = room.filter { !(lacking[id]?.contains($0.id) ?? false) }
            // When every able peer has failed this body once, try them again rather than stall,
            // but not before its retry time.
            let able = fresh.isEmpty ? (retryAt[id, default: 0] <= now ? room : []) : fresh
            guard let peer = able.min(by: { load[$0.id, default: 0] < load[$1.id, default: 0] }) else {
                kept.append(id)
                continue
            }
            load[peer.id, default: 0] += 1
            inFlight[id] = (peer.id, now + timeoutMillis)
            requests[peer.id, default: []].append(id)
        }
        waiting = kept
        return requests
    }

    /// Records a body from `peer`; returns false if nobody asked that peer for it.
    package mutating func receive(_ block: Block, from peer: Int) -> Bool {
        let id = block.id
        guard let request = inFlight[id], request.peer == peer else { return false }
        inFlight[id] = nil
        received[id] = block
        return true
    }

    /// The next body in height order, if it has arrived; it leaves the scheduler.
    package mutating func nextConnectable() -> Block? {
        guard let first = order.first, let block = received.removeValue(forKey: first) else { return nil }
        order.removeFirst()
        heights[first] = nil
        lacking[first] = nil
        retryAt[first] = nil
        return block
    }

    /// `peer` said it lacks `id`: ask someone else.
    package mutating func notFound(_ id: Hash256, from peer: Int, now: Int64) {
        guard let request = inFlight[id], request.peer == peer else { return }
        inFlight[id] = nil
        lacking[id, default: []].insert(peer)
        retryAt[id] = now + Self.retryMillis
        waiting.insert(id, at: 0)
    }

    /// How long a body every able peer lacked waits before they are asked again.
    package static let retryMillis: Int64 = 1_000

    /// Requests past their deadline go back to the front of the queue; returns the peers
    /// that let them expire.
    package mutating func expire(now: Int64) -> Set<Int> {
        var stalled: Set<Int> = []
        for (id, request) in inFlight where request.deadline <= now {
            inFlight[id] = nil
            lacking[id, default: []].insert(request.peer)
            waiting.insert(id, at: 0)
            stalled.insert(request.peer)
        }
        return stalled
    }

    /// `peer` is gone: its requests go back to the queue.
    package mutating func peerGone(_ peer: Int) {
        for (id, request) in inFlight where request.peer == peer {
            inFlight[id] = nil
            waiting.insert(id, at: 0)
        }
    }

    /// Drops a scheduled body the chain no longer needs (it refused the block).
    package mutating func drop(_ id: Hash256) {
        order.removeAll { $0 == id }
        waiting.removeAll { $0 == id }
        inFlight[id] = nil
        received[id] = nil
        heights[id] = nil
        lacking[id] = nil
        retryAt[id] = nil
    }
}

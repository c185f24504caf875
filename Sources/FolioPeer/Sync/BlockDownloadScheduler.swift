import DequeModule
import FolioCore

/// Plans block body downloads after header sync: bodies are requested from several peers in
/// parallel, each body from one peer at a time; a request that times out, or that the peer
/// answers with `notfound`, goes back to the queue for another peer. Bodies that arrive out
/// of order wait until every earlier one is in, so the chain connects them in height order.
///
/// A request past its deadline whose peer is still responsive (it sent us something lately)
/// is given more time, up to `maxWaitMillis`, rather than asked of a second peer: on a loaded
/// machine a busy peer is slow, not gone, and both bodies would then cross the link (B11).
/// A peer asked before the body went to another may still answer: its body is taken if none
/// has come yet, and otherwise dropped as late, never counted as unrequested.
package struct BlockDownloadScheduler: Sendable {
    /// Bodies one peer may have outstanding.
    package let perPeerLimit: Int
    /// Milliseconds before an unanswered request is given to another peer, or, if its peer
    /// is responsive, given this much longer.
    package let timeoutMillis: Int64
    /// Longest wait on one responsive peer's answer before the body is asked of another.
    package let maxWaitMillis: Int64
    /// How many bodies, from the next one to connect on, may be asked for or held: bodies
    /// wait in memory until every earlier one is in and the chain has taken them, so this
    /// bounds that memory (at most this many blocks) when downloading outpaces validation.
    package let windowBlocks: Int

    /// One body asked of one peer.
    private struct Request {
        let peer: Int
        let sentAt: Int64
        var deadline: Int64
    }

    private var order: Deque<Hash256> = []
    private var heights: [Hash256: UInt64] = [:]
    private var waiting: Deque<Hash256> = []
    private var inFlight: [Hash256: Request] = [:]
    private var received: [Hash256: Block] = [:]
    private var lacking: [Hash256: Set<Int>] = [:]
    /// For a body every able peer lacks: not asked for again before this time, so a peer that
    /// announced a header and then found its block invalid is not asked in a tight loop.
    private var retryAt: [Hash256: Int64] = [:]
    /// Peers asked for a body before it was asked of another, whose answer may still come.
    private var askedBefore: [Hash256: Set<Int>] = [:]
    /// The same for bodies already handed over, so a late answer is still recognised.
    private var lateAnswers = LateAnswers()

    /// A scheduler; `maxWaitMillis` defaults to four timeouts.
    package init(perPeerLimit: Int = 16, timeoutMillis: Int64 = 5_000, maxWaitMillis: Int64? = nil,
                 windowBlocks: Int = 128) {
        self.perPeerLimit = max(perPeerLimit, 1)
        self.timeoutMillis = timeoutMillis
        self.maxWaitMillis = max(maxWaitMillis ?? 4 * timeoutMillis, timeoutMillis)
        self.windowBlocks = max(windowBlocks, 1)
    }

    /// Whether `id` is queued, requested or received but not yet handed to the chain.
    package func isScheduled(_ id: Hash256) -> Bool { heights[id] != nil }

    /// The height of scheduled body `id`.
    package func height(of id: Hash256) -> UInt64? { heights[id] }

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

    /// Hands waiting bodies within the window to peers with room, skipping peers whose best
    /// height is below the block's or who said they lack it. Returns the requests to send, per
    /// peer.
    package mutating func assign(peers: [(id: Int, bestHeight: UInt64)], now: Int64) -> [Int: [Hash256]] {
        var load: [Int: Int] = [:]
        for entry in inFlight.values { load[entry.peer, default: 0] += 1 }
        let window = Set(order.prefix(windowBlocks))
        var requests: [Int: [Hash256]] = [:]
        var kept: Deque<Hash256> = []
        while let id = waiting.popFirst() {
            guard window.contains(id) else {
                kept.append(id)
                continue
            }
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
            inFlight[id] = Request(peer: peer.id, sentAt: now, deadline: now + timeoutMillis)
            requests[peer.id, default: []].append(id)
        }
        waiting = kept
        return requests
    }

    /// Records a body from `peer` and says what it was: awaited (the first answer to a request
    /// of ours, kept), late (a peer asked before the body went to another, whose answer came
    /// after the body: dropped, no fault) or unrequested.
    package mutating func receive(_ block: Block, from peer: Int) -> BodyArrival {
        let id = block.id
        if let request = inFlight[id], request.peer == peer {
            inFlight[id] = nil
            received[id] = block
            return .awaited
        }
        if askedBefore[id]?.remove(peer) != nil {
            guard heights[id] != nil, received[id] == nil else { return .late }
            // The first peer answered after all, before the one asked next: take its body, and
            // the other's answer becomes the late one.
            if let current = inFlight.removeValue(forKey: id) { askedBefore[id, default: []].insert(current.peer) }
            waiting.removeAll { $0 == id }
            received[id] = block
            return .awaited
        }
        return lateAnswers.take(id, from: peer) ? .late : .unrequested
    }

    /// The next body to hand to the chain, if one has arrived: the first in the order headers
    /// came whose parent is not itself waiting here. It leaves the scheduler.
    ///
    /// Not simply the first in order: a body nobody serves (a header relayed ahead of
    /// validation whose block then proved invalid, so every peer answers `notfound`) would
    /// hold up every later body for good, siblings and other branches included. A body whose
    /// parent is still waiting here does wait, so a chain's bodies reach the chain in order.
    package mutating func nextConnectable() -> Block? {
        guard let index = order.prefix(windowBlocks).firstIndex(where: { id in
            guard let block = received[id] else { return false }
            return heights[block.header.parent] == nil
        }) else { return nil }
        let first = order.remove(at: index)
        guard let block = received.removeValue(forKey: first) else { return nil }
        heights[first] = nil
        lacking[first] = nil
        retryAt[first] = nil
        if let peers = askedBefore.removeValue(forKey: first), !peers.isEmpty { lateAnswers.insert(first, peers: peers) }
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

    /// Requests past their deadline: a responsive peer's is given another timeout (up to
    /// `maxWaitMillis` after it was sent), the others go back to the front of the queue for
    /// another peer. Says which went where.
    package mutating func expire(now: Int64, responsive: (Int) -> Bool = { _ in false }) -> Expiry {
        var expiry = Expiry()
        for (id, request) in inFlight.sorted(by: { $0.value.sentAt < $1.value.sentAt }) where request.deadline <= now {
            let limit = request.sentAt + maxWaitMillis
            if now < limit, responsive(request.peer) {
                inFlight[id]?.deadline = min(now + timeoutMillis, limit)
                expiry.extended.append((id, request.peer))
                continue
            }
            inFlight[id] = nil
            lacking[id, default: []].insert(request.peer)
            askedBefore[id, default: []].insert(request.peer)
            waiting.insert(id, at: 0)
            expiry.reassigned.append((id, request.peer))
        }
        return expiry
    }

    /// What one `expire` did.
    package struct Expiry: Sendable {
        /// Bodies given back to the queue, each with the peer that let its request lapse.
        package var reassigned: [(id: Hash256, peer: Int)] = []
        /// Bodies whose responsive peer was given more time.
        package var extended: [(id: Hash256, peer: Int)] = []

        /// The peers that let a request lapse.
        package var stalledPeers: Set<Int> { Set(reassigned.map(\.peer)) }
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
        askedBefore[id] = nil
    }
}

/// What a body that arrived was to the scheduler.
package enum BodyArrival: Equatable, Sendable {
    /// The first answer to a request of ours: kept.
    case awaited
    /// An answer from a peer asked before the body was asked of another, after the body
    /// came: dropped, and no fault of the peer's.
    case late
    /// Nobody asked this peer for it.
    case unrequested
}

/// Peers that may still answer a request for a body already handed over (asked before it
/// went to another peer), for the most recent `capacity` bodies.
struct LateAnswers: Sendable {
    private var waitingPeers: [Hash256: Set<Int>] = [:]
    private var age: Deque<Hash256> = []
    let capacity = 1_024

    /// Remembers that `peers` may still send body `id`.
    mutating func insert(_ id: Hash256, peers asked: Set<Int>) {
        if waitingPeers[id] == nil { age.append(id) }
        waitingPeers[id, default: []].formUnion(asked)
        while age.count > capacity, let oldest = age.popFirst() { waitingPeers[oldest] = nil }
    }

    /// Whether `peer` may still send body `id`; each such answer is taken once.
    mutating func take(_ id: Hash256, from peer: Int) -> Bool {
        waitingPeers[id]?.remove(peer) != nil
    }
}

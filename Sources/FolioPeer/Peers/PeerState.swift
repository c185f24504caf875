import DequeModule
import FolioCore
import FolioWire

/// A bounded set of ids a peer is known to have, so nothing is announced to it twice; the
/// oldest ids are forgotten first.
package struct KnownInventory: Sendable {
    private var ids: Set<Hash256> = []
    private var age: Deque<Hash256> = []
    /// Most ids remembered.
    package let capacity: Int

    /// An empty set holding at most `capacity` ids.
    package init(capacity: Int = 10_000) { self.capacity = max(capacity, 1) }

    /// Whether `id` is remembered.
    package func contains(_ id: Hash256) -> Bool { ids.contains(id) }

    /// Remembers `id`; returns false if it already was.
    @discardableResult
    package mutating func insert(_ id: Hash256) -> Bool {
        guard ids.insert(id).inserted else { return false }
        age.append(id)
        if age.count > capacity, let oldest = age.popFirst() { ids.remove(oldest) }
        return true
    }
}

/// What the manager holds for one connection.
package struct PeerState: Sendable {
    /// The connection's session (handshake phase, proven identity, the peer's version).
    package internal(set) var session: PeerSession
    /// Whether the peer dialled us.
    package let inbound: Bool
    /// The remote end: for an outbound connection, the address dialled.
    package let address: PeerAddress?
    let openedAt: Int64
    var score = MisbehaviourScore()
    /// What protects an inbound peer from eviction (`InboundEviction`): its fastest ping, and
    /// when it last sent a block or transaction new to the chain.
    var fastestPingMillis: Int64?
    var lastNovelBlockAt: Int64?
    var lastNovelTransactionAt: Int64?
    /// The best height the peer announced or proved with headers.
    package internal(set) var bestHeight: UInt64 = 0
    var known = KnownInventory()
    /// Transactions to announce to this peer at the next flush.
    var pendingAnnouncements: AnnouncementQueue
    var lastPingAt: Int64
    /// When the peer last sent us a frame: a peer still talking is busy, not gone, when a
    /// body it owes us is overdue.
    var lastFrameAt: Int64
    var outstandingPing: (nonce: UInt64, sentAt: Int64)?
    var answeredGetAddr = false
    /// Whether we asked this peer for headers and its answer has not come yet; `headers`
    /// arriving otherwise are its relay of a new tip, sent before it validated the block.
    var awaitingHeaders = false
    /// A low-work branch this peer is showing us, followed without storing it (bounded).
    var presync: HeaderPresync?
    /// What the peer may still send: frames, payload bytes, addresses (PeerConfiguration).
    var frameBudget: TokenBucket
    var byteBudget: TokenBucket
    var addressBudget: TokenBucket

    init(session: PeerSession, inbound: Bool, address: PeerAddress?, now: Int64, configuration: PeerConfiguration) {
        self.session = session
        self.inbound = inbound
        self.address = address
        openedAt = now
        pendingAnnouncements = AnnouncementQueue(batchLimit: configuration.announcementBatchLimit)
        lastPingAt = now
        lastFrameAt = now
        frameBudget = TokenBucket(ratePerSecond: configuration.framesPerSecond, burst: configuration.frameBurst, now: now)
        byteBudget = TokenBucket(ratePerSecond: configuration.bytesPerSecond, burst: configuration.byteBurst, now: now)
        addressBudget = TokenBucket(ratePerSecond: configuration.addressesPerSecond, burst: configuration.addressBurst, now: now)
    }

    /// Whether the handshake is complete.
    package var isEstablished: Bool { session.phase == .established }

    /// Where the peer listens: the address dialled for an outbound link; for an inbound one,
    /// its IP and the listening port its `version` announced (nil before that, or when it
    /// announced none).
    package var listenKey: AddressKey? {
        guard let address else { return nil }
        if !inbound { return address.key }
        guard let port = session.remoteVersion?.listenPort, port != 0 else { return nil }
        return AddressKey(ip: address.ip, port: port)
    }
}

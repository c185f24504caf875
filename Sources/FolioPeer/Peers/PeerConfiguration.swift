import FolioCore
import FolioWire

/// The settings of one node's peer protocol. Times are milliseconds on the caller's clock.
package struct PeerConfiguration: Sendable {
    /// What this node announces in `version` (chain id and genesis are also what peers must match).
    package var version: VersionMessage
    /// The frame magic, from the chain id.
    package var magic: NetworkMagic
    /// Most inbound connections held at once.
    package var maxInbound = 117
    /// Outbound connections the node keeps trying to hold, dialled from the address book
    /// (connections the host dials itself count towards it too).
    package var targetOutbound = 8
    /// This node's own listening addresses, never dialled (a dial that reaches ourselves at
    /// another address adds that one).
    package var localAddresses: Set<AddressKey> = []
    /// Unix time in milliseconds when the caller's clock read zero: the address book keeps
    /// last-seen times as unix seconds, so they still compare after a restart.
    package var unixMillisAtZero: Int64 = 0
    /// Time a connection has to finish its handshake.
    package var handshakeTimeoutMillis: Int64 = 10_000
    /// Time between pings on an idle established connection.
    package var pingIntervalMillis: Int64 = 30_000
    /// Time a ping may stay unanswered before the peer counts as dead.
    package var pingTimeoutMillis: Int64 = 20_000
    /// How long a misbehaving peer's address stays discouraged.
    package var discourageMillis: Int64 = 24 * 3_600_000
    /// Whether a misbehaving loopback peer is only disconnected, not discouraged (every local
    /// process shares 127.0.0.1). Tests of discouragement over real sockets turn it off.
    package var sparesLoopback = true
    /// Frames a peer may send per second, sustained (a token bucket; more closes the
    /// connection as a flood). Honest traffic stays far below: blocks come only when asked for,
    /// transactions and announcements in batches.
    package var framesPerSecond: Int64 = 2_000
    /// Frames a peer may send at once before the per-second rate applies.
    package var frameBurst: Int64 = 10_000
    /// Payload bytes a peer may send per second, sustained.
    package var bytesPerSecond: Int64 = 16 << 20
    /// Payload bytes a peer may send at once: room for a full download batch of large blocks.
    package var byteBurst: Int64 = 64 << 20
    /// Addresses a peer may teach per second; more are ignored (not punished: an honest
    /// peer's `addr` answer can be large), so one peer cannot fill the address book.
    package var addressesPerSecond: Int64 = 10
    /// Addresses a peer may teach at once.
    package var addressBurst: Int64 = 1_000
    /// Most transaction ids announced in one `inv` (at most the wire's cap): a peer's queue
    /// that fills up is sent before the next flush.
    package var announcementBatchLimit = WireLimits.inventoryItems

    /// First wait before redialling a failed address; doubles per failure.
    package var dialBackoffMillis: Int64 = 1_000
    /// Longest wait between dials of one address.
    package var maxDialBackoffMillis: Int64 = 300_000

    /// A configuration for the chain `chainId` with genesis `genesis`.
    package init(chainId: UInt32, genesis: Hash256, bestHeight: UInt64 = 0, listenPort: UInt16, userAgent: String = "folio/0.1") {
        version = VersionMessage(protocolVersion: PeerProtocol.version, chainId: chainId, genesis: genesis,
                                 bestHeight: bestHeight, listenPort: listenPort, userAgent: userAgent)
        magic = NetworkMagic(chainId: chainId)
    }
}

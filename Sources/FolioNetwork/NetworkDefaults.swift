import FolioPeer
import FolioWire

/// FolioNetwork is the SwiftNIO edge: listener, dialer, frame decoder and encoder. It carries
/// bytes; FolioPeer decides what they mean (the encrypted session lives there, as an I/O-free
/// state machine, so the sealed frames are produced and opened above this layer).
public enum NetworkDefaults {
    /// Default TCP port for peer-to-peer connections.
    public static let p2pPort = 9333
    /// Milliseconds between protocol ticks (timeouts, pings, re-requests, dialling).
    public static let tickMillis: Int64 = 1_000
    /// Milliseconds between flushes of queued transaction announcements: each peer gets the
    /// transactions of that interval in one `inv` (bitcoind's trickle, much shorter).
    public static let announcementMillis: Int64 = 100
    /// Outbound connections a node holds by default, filled from its address book
    /// (`PeerConfiguration.targetOutbound`'s default).
    public static let outboundTarget = 8
    /// Inbound sockets a node keeps open beyond its inbound cap: connections accepted and not
    /// yet seen by the peer manager (each may evict a held peer) and evicted or refused ones
    /// still closing. More are closed at accept, unserved.
    public static let pendingInboundSlack = 32
}

import FolioCore
import FolioWire

/// Something that happened to the peer layer. Peers are named by an integer the network
/// layer assigns to each connection.
package enum PeerEvent: Sendable {
    /// A connection opened; `address` is the remote end (for an outbound one, the address dialled).
    case opened(peer: Int, inbound: Bool, address: PeerAddress?)
    /// A whole frame arrived (the frame decoder already checked its magic and length cap).
    case frame(peer: Int, Frame)
    /// The connection closed, whoever closed it.
    case closed(peer: Int)
    /// Dialling `address` failed.
    case dialFailed(PeerAddress)
    /// Time passed: timeouts, pings, re-requests and dialling run here.
    case tick
    /// Time to send the transaction announcements queued for each peer, one `inv` per peer
    /// (every `NetworkDefaults.announcementMillis`; `tick` sends them too).
    case flushAnnouncements
    /// This node produced or accepted a block through another path (miner, RPC): announce it.
    case localBlock(Block)
    /// A transaction entered the mempool through RPC: announce it.
    case localTransaction(Transaction)
    /// Bodies that arrived are waiting to be handed to the chain in height order. The network
    /// sends this back when an event's actions end in `PeerAction.connectBlocks`.
    case connectBlocks
}

/// Something the peer layer wants the network layer to do.
package enum PeerAction: Equatable, Sendable {
    /// Write `frame` to `peer` as the connection's frame number `sequence` (from zero): the
    /// network writes each connection's frames in sequence order, whatever order the
    /// actions of concurrent `handle` calls reach it in.
    case send(peer: Int, Frame, sequence: UInt64)
    /// Close the connection to `peer` (after writing anything sent before), logging why.
    case close(peer: Int, DisconnectReason, String)
    /// Open an outbound connection to `address`.
    case dial(PeerAddress)
    /// `ip` misbehaved and is refused until `until`; the node logs and may persist this.
    case discourage(IPAddress, until: Int64, String)
    /// Something worth a line in the node's log (the protocol has no logger of its own).
    case note(PeerNoteLevel, String)
    /// Hand `PeerEvent.connectBlocks` back to the manager as an event of its own, once the
    /// actions before this one are carried out. Validating a block takes long; this way the
    /// header relayed ahead of validation goes out at once instead of after it, and the
    /// connection that brought the body keeps being read meanwhile.
    case connectBlocks
}

/// How loudly the node logs a `PeerAction.note`.
package enum PeerNoteLevel: Equatable, Sendable {
    /// Detail for someone tracing the protocol.
    case debug
    /// Worth seeing in an ordinary log.
    case info
}

/// How far sync has got: the node logs and reports this.
package struct SyncProgress: Equatable, Sendable, CustomStringConvertible {
    /// Best header height known.
    package var knownHeight: UInt64
    /// Best fully validated height.
    package var validatedHeight: UInt64
    /// Block bodies scheduled but not yet validated.
    package var pendingBodies: Int

    /// Creates a progress figure.
    package init(knownHeight: UInt64, validatedHeight: UInt64, pendingBodies: Int) {
        self.knownHeight = knownHeight
        self.validatedHeight = validatedHeight
        self.pendingBodies = pendingBodies
    }

    /// Validated share of known, in percent (100 when nothing is known beyond genesis).
    package var percent: Double {
        knownHeight == 0 ? 100 : Double(validatedHeight) * 100 / Double(knownHeight)
    }

    package var description: String {
        "sync: validated \(validatedHeight) of \(knownHeight) known headers, \(pendingBodies) bodies pending"
    }
}

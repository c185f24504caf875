import FolioCore
import FolioWire

extension PeerManager {
    /// Timeouts, pings, re-requests, dialling, and announcements still queued.
    func tick() async -> [PeerAction] {
        var actions = flushAnnouncements()
        for (peer, state) in peers.sorted(by: { $0.key < $1.key }) {
            if !state.isEstablished {
                if now - state.openedAt >= configuration.handshakeTimeoutMillis {
                    actions += failSession(peer, .timeout, "handshake not finished in \(configuration.handshakeTimeoutMillis) ms")
                }
                continue
            }
            if let ping = state.outstandingPing {
                if now - ping.sentAt >= configuration.pingTimeoutMillis {
                    actions += failSession(peer, .timeout, "no pong in \(configuration.pingTimeoutMillis) ms")
                }
            } else if now - state.lastPingAt >= configuration.pingIntervalMillis {
                pingCounter &+= 1
                let nonce = pingCounter &* 0x9E37_79B9_7F4A_7C15
                peers[peer]?.outstandingPing = (nonce, now)
                peers[peer]?.lastPingAt = now
                actions += send([.ping(PingMessage(nonce: nonce))], to: peer)
            }
        }
        actions += expireDownloads()
        actions += assignDownloads()
        actions += dialIfShort()
        return actions
    }

    /// Body requests past their deadline: more time for a peer that is still sending us
    /// frames, another peer for the rest; both noted, so re-requests show in the log.
    func expireDownloads() -> [PeerAction] {
        let quietAfter = now - scheduler.timeoutMillis
        let expiry = scheduler.expire(now: now) { peer in (self.peers[peer]?.lastFrameAt ?? .min) > quietAfter }
        var notes: [PeerAction] = expiry.extended.map { id, peer in
            .note(.debug, "p2p: \(self.describeBody(id)) overdue from peer \(peer), which is still responsive: it gets more time")
        }
        notes += expiry.reassigned.map { id, peer in
            .note(.info, "p2p: \(self.describeBody(id)) not received from peer \(peer) in time; asking another peer")
        }
        return notes
    }

    /// "body of block <height> (<id prefix>)", for notes.
    func describeBody(_ id: Hash256) -> String {
        let height = scheduler.height(of: id).map { "\($0)" } ?? "?"
        return "body of block \(height) (\(id.description.prefix(16)))"
    }

    /// Remembers a failed dial and when to try that address again.
    func dialFailed(_ address: PeerAddress) -> [PeerAction] {
        dialer.failed(address.key, now: now)
        return []
    }

    /// Tells the dialler how an outbound connection ended (`reason` when this node or the
    /// peer gave one), so it backs off, redials, or learns that the address is our own.
    func outboundEnded(_ state: PeerState, reason: DisconnectReason?) {
        guard !state.inbound, let address = state.address else { return }
        dialer.ended(address.key, wasEstablished: state.isEstablished, reason: reason, now: now)
    }

    /// Dials book addresses (anchors first) until outbound connections reach the target.
    func dialIfShort() -> [PeerAction] {
        guard configuration.targetOutbound > 0 else { return [] }
        return dialer.choose(target: configuration.targetOutbound, links: links, book: addressBook, now: now).map { .dial($0) }
    }

    /// The connections held now, as the dialler sees them.
    var links: OutboundDialer.Links {
        var links = OutboundDialer.Links()
        for state in peers.values {
            if !state.inbound { links.outboundCount += 1 }
            if let key = state.listenKey { links.connected.insert(key) }
            if let identity = state.session.remoteIdentity { links.identities.insert(identity) }
        }
        return links
    }

    /// Sets the addresses the host dials itself (configured peers) or refuses (filtered
    /// peers): the manager never dials them from the book.
    package func reserve(_ keys: Set<AddressKey>) {
        dialer.reserve(keys)
    }
}

extension PeerManager {
    /// The node is stopping: every peer is told so (a sealed `disconnect` with reason
    /// "shutting down" where the session keys are agreed) and closed; nobody is punished.
    package func shutDown(now: Int64) -> [PeerAction] {
        self.now = max(self.now, now)
        return peers.keys.sorted().flatMap { failSession($0, .shuttingDown, "node shutting down") }
    }
}

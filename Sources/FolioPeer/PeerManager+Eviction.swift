import FolioWire

extension PeerManager {
    /// The inbound slots are full and a connection arrived: closes the inbound peer
    /// `InboundEviction` picks and returns the actions, or nil when every inbound peer is
    /// protected and the newcomer is to be refused. Outbound peers are never candidates.
    func makeInboundRoom() -> [PeerAction]? {
        let candidates = peers.compactMap { peer, state -> EvictionCandidate? in
            guard state.inbound else { return nil }
            let group = state.address.map { AddressBook.group(of: $0.ip) }
            return EvictionCandidate(peer: peer, group: group, groupRank: InboundEviction.rank(of: group, secret: addressBook.secret),
                                     connectedAt: state.openedAt, isEstablished: state.isEstablished,
                                     fastestPingMillis: state.fastestPingMillis, lastNovelBlockAt: state.lastNovelBlockAt,
                                     lastNovelTransactionAt: state.lastNovelTransactionAt)
        }
        guard let victim = InboundEviction().choose(among: candidates), let state = peers[victim] else { return nil }
        let stage = state.isEstablished ? "established" : "in its handshake"
        return failSession(victim, .tooManyPeers,
                           "evicted for a newer inbound connection at the limit of \(configuration.maxInbound) (\(stage))")
    }

    /// Records `peer`'s answer to a ping sent `roundTripMillis` ago: its fastest round trip
    /// protects it from eviction.
    func notePong(from peer: Int, roundTripMillis: Int64) {
        let held = peers[peer]?.fastestPingMillis ?? .max
        peers[peer]?.fastestPingMillis = min(held, roundTripMillis)
    }

    /// Records that `peer` sent an item the chain accepted as new, which protects it from
    /// eviction: only a peer that relays useful data first earns this.
    func noteNovel(_ kind: InventoryKind, from peer: Int?) {
        guard let peer, peers[peer] != nil else { return }
        switch kind {
        case .block: peers[peer]?.lastNovelBlockAt = now
        case .transaction: peers[peer]?.lastNovelTransactionAt = now
        }
    }
}

import FolioCore
import FolioWire

extension PeerManager {
    /// Announces `item` to every established peer not known to have it, except `source`:
    /// a block at once, in its own `inv`; a transaction is queued for each such peer and sent
    /// with the others at the next flush.
    func announce(_ item: InventoryItem, except source: Int?) -> [PeerAction] {
        guard item.kind == .block else { return queueAnnouncement(of: item.id, except: source) }
        var actions: [PeerAction] = []
        for peer in establishedPeers where peer != source {
            guard peers[peer]?.known.insert(item.id) == true else { continue }
            actions += send([.inv(InvMessage(items: [item]))], to: peer)
        }
        return actions
    }

    /// Announces a block this node made or took in by another path with its header, pushed
    /// to every established peer not known to have it, rather than an `inv`: a peer takes the
    /// header as a relayed one and asks for the body at once, one round trip sooner than
    /// `inv`, `getheaders`, `headers` (as `sendheaders` does for bitcoind). The node has
    /// validated the block, so it serves the body from its store.
    func pushHeader(of block: Block) -> [PeerAction] {
        var actions: [PeerAction] = []
        for peer in establishedPeers {
            guard peers[peer]?.known.insert(block.id) == true else { continue }
            actions += send([.headers(HeadersMessage(headers: [block.header]))], to: peer)
        }
        return actions
    }

    /// Queues transaction `id` for every established peer not known to have it, except
    /// `source`; a peer whose queue reaches a whole batch is sent it at once.
    func queueAnnouncement(of id: Hash256, except source: Int?) -> [PeerAction] {
        var actions: [PeerAction] = []
        for peer in establishedPeers where peer != source && peers[peer]?.known.contains(id) == false {
            // Mutated in place: a copy of the peer's state would copy its known set too.
            peers[peer]?.pendingAnnouncements.append(id)
            if peers[peer]?.pendingAnnouncements.isFull == true { actions += flushAnnouncements(to: peer) }
        }
        return actions
    }

    /// Sends every peer its queued transaction announcements.
    func flushAnnouncements() -> [PeerAction] {
        peers.keys.sorted().flatMap { flushAnnouncements(to: $0) }
    }

    /// Sends `peer` its queued transaction announcements, in batches of at most the batch
    /// limit, leaving out any the peer has come to know since they were queued (it announced
    /// or sent the transaction to us meanwhile).
    func flushAnnouncements(to peer: Int) -> [PeerAction] {
        guard let ids = peers[peer]?.pendingAnnouncements.drain(), !ids.isEmpty else { return [] }
        let fresh = ids.filter { peers[peer]?.known.insert($0) == true }
        let batches = peers[peer]?.pendingAnnouncements.batches(fresh) ?? []
        let messages = batches.map { batch in
            Message.inv(InvMessage(items: batch.map { InventoryItem(kind: .transaction, id: $0) }))
        }
        return send(messages, to: peer)
    }
}

import FolioCore
import FolioWire

extension PeerManager {
    /// Whether block `id`'s body is stored, scheduled for download or being validated. The
    /// in-memory checks run again after the store's await, during which another peer's
    /// message may have scheduled the body or handed it to the chain.
    func haveOrAwaitBody(_ id: Hash256) async -> Bool {
        if scheduler.isScheduled(id) || connecting.contains(id) { return true }
        let stored = await chain.hasBlock(id)
        return stored || scheduler.isScheduled(id) || connecting.contains(id)
    }

    /// Announced ids: fetch the transactions we lack, and ask for the headers of blocks we lack.
    func receiveInventory(_ items: [InventoryItem], from peer: Int) async -> [PeerAction] {
        var wantedTransactions: [InventoryItem] = []
        var unknownBlock = false
        for item in items {
            peers[peer]?.known.insert(item.id)
            switch item.kind {
            case .transaction:
                guard requestedTransactions[item.id] == nil, !(await chain.hasTransaction(item.id)),
                      // Checked again after the await: another peer's `inv` for the same id may
                      // have asked for it meanwhile, and asking both would blame one of them for
                      // "unrequested data" when its answer came (seen under B9's transfer load).
                      requestedTransactions[item.id] == nil else { continue }
                requestedTransactions[item.id] = peer
                wantedTransactions.append(item)
            case .block:
                if !(await haveOrAwaitBody(item.id)) { unknownBlock = true }
            }
        }
        var messages: [Message] = []
        if !wantedTransactions.isEmpty { messages.append(.getData(GetDataMessage(items: wantedTransactions))) }
        // While this peer's branch is being followed (`HeaderPresync`), its new blocks come
        // with the branch; asking from our locator would start the count over.
        if unknownBlock && peers[peer]?.presync == nil {
            messages.append(.getHeaders(GetHeadersMessage(locator: await chain.headerLocator())))
        }
        return send(messages, to: peer)
    }

    /// A body arrived: only requested ones count; connect whatever is now in order.
    func receiveBlock(_ block: Block, from peer: Int) async -> [PeerAction] {
        switch scheduler.receive(block, from: peer) {
        case .awaited: break
        case .unrequested: return misbehaved(peer, .unrequestedData)
        case .late:
            // Asked of this peer before another; its answer came second. No fault of its own.
            peers[peer]?.known.insert(block.id)
            return [.note(.debug, "p2p: dropped a late body of block \(block.header.height) from peer \(peer) (received already)")]
        }
        blockSources[block.id] = peer
        peers[peer]?.known.insert(block.id)
        // The relay goes out before validation starts: the chain is reached in the event the
        // network sends back for `.connectBlocks`, not here, so these actions are not held
        // until the block has been validated.
        let early = await relayBeforeValidation(block, from: peer)
        return early + assignDownloads() + [.connectBlocks]
    }

    /// Relays a new tip's header as soon as its body arrives and matches the header's Merkle
    /// root (the header's seal was checked when it was accepted), before full validation, so
    /// each hop costs a round trip rather than a validation. Peers fetch the body from us out
    /// of `relayedBodies` meanwhile. Only at the top of the known chain: a syncing node does
    /// not echo the history it downloads.
    func relayBeforeValidation(_ block: Block, from source: Int) async -> [PeerAction] {
        let status = await chain.status()
        guard block.header.height > status.validatedHeight, block.header.height >= status.headerHeight,
              MerkleTree.root(of: block.transactions.map(\.id)) == block.header.merkleRoot else { return [] }
        relayedBodies.insert(block)
        var actions: [PeerAction] = []
        for peer in establishedPeers where peer != source && peers[peer]?.known.contains(block.id) == false {
            peers[peer]?.known.insert(block.id)
            actions += send([.headers(HeadersMessage(headers: [block.header]))], to: peer)
        }
        return actions
    }

    /// Hands bodies to the chain in height order; relays each accepted one. One loop at a
    /// time: a second call while one runs returns at once, and the running loop takes the
    /// bodies that arrived meanwhile (it asks the scheduler again after every await).
    func connectReady() async -> [PeerAction] {
        guard !isConnectingBlocks else { return [] }
        isConnectingBlocks = true
        defer { isConnectingBlocks = false }
        var actions: [PeerAction] = []
        while let block = scheduler.nextConnectable() {
            let id = block.id
            let source = blockSources.removeValue(forKey: id)
            connecting.insert(id)
            let verdict = await chain.acceptBlock(block)
            connecting.remove(id)
            relayedBodies.remove(id)
            if case .accepted = verdict { noteNovel(.block, from: source) }
            switch verdict {
            case .accepted: actions += announce(InventoryItem(kind: .block, id: id), except: source)
            case let .invalid(reason):
                // A peer that relayed the header unasked sent the body before it could validate
                // it (as this node does): the block's author is at fault, not the relayer.
                if let source, relayedBy[id] != source { actions += misbehaved(source, .invalidBlock(reason)) }
            case .alreadyKnown, .rejectedByPolicy, .unknownParent: break
            }
            relayedBy[id] = nil
        }
        return actions
    }

    /// Remembers that `peer` relayed block `id`'s header unasked (bounded: a flood of relays
    /// forgets the older ones, which then count as ordinary answers).
    func noteRelayed(_ id: Hash256, by peer: Int) {
        if relayedBy.count >= 1_024 { relayedBy.removeAll(keepingCapacity: true) }
        relayedBy[id] = peer
    }

    /// Gives queued bodies to established peers with room and sends the requests.
    func assignDownloads() -> [PeerAction] {
        let candidates = establishedPeers.compactMap { peer in peers[peer].map { (id: peer, bestHeight: $0.bestHeight) } }
        let plan = scheduler.assign(peers: candidates, now: now)
        var actions: [PeerAction] = []
        for (peer, ids) in plan.sorted(by: { $0.key < $1.key }) {
            actions += send([.getData(GetDataMessage(items: ids.map { InventoryItem(kind: .block, id: $0) }))], to: peer)
        }
        return actions
    }
}

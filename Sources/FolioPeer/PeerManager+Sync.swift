import FolioCore
import FolioWire

extension PeerManager {
    /// Header-first sync: the chain checks the run and holds it if its branch has enough
    /// work; bodies are scheduled for held headers we lack; a full batch asks for more. A
    /// low-work branch is followed without storing it (`HeaderPresync`).
    func receiveHeaders(_ headers: [BlockHeader], from peer: Int) async -> [PeerAction] {
        let relayed = peers[peer]?.awaitingHeaders == false
        peers[peer]?.awaitingHeaders = false
        for header in headers { peers[peer]?.known.insert(header.id) }
        if let presync = peers[peer]?.presync {
            if presync.continues(headers) { return await continuePresync(presync, headers, from: peer) }
            // The answer to our request for the branch's next batch went elsewhere (or was
            // empty): the peer's chain moved, so stop following. A header it relays meanwhile
            // leaves the branch alone.
            if !relayed { peers[peer]?.presync = nil }
        }
        let outcome = await chain.acceptHeaders(headers, continuing: nil, proven: false)
        switch outcome.refusal {
        case nil:
            await scheduleBodies(headers, relayed: relayed, from: peer)
            let more = headers.count == WireLimits.headers
                ? send([.getHeaders(GetHeadersMessage(locator: await chain.headerLocator()))], to: peer) : []
            return more + assignDownloads()
        case .unknownParent:
            // An announced tip we cannot link yet: ask this peer for the path to it, unless a
            // branch of its is being followed (that answer is coming).
            guard peers[peer]?.presync == nil else { return [] }
            return send([.getHeaders(GetHeadersMessage(locator: await chain.headerLocator()))], to: peer)
        case let .invalid(reason):
            return misbehaved(peer, .invalidHeader(reason))
        case .rejectedByPolicy:
            await scheduleBodies(Array(headers.prefix(outcome.held)), relayed: relayed, from: peer)
            return assignDownloads()
        case let .lowWork(branch):
            // Valid headers on a branch lighter than ours: nothing stored, no body asked for,
            // and no blame (an honest peer may still be on a branch we have left). A full
            // batch may be the start of a long branch that ends heavier: count it.
            await scheduleBodies(Array(headers.prefix(outcome.held)), relayed: relayed, from: peer)
            guard headers.count == WireLimits.headers, branch.length <= HeaderPresync.maxHeaders else {
                return assignDownloads()
            }
            let presync = HeaderPresync(branch: branch)
            peers[peer]?.presync = presync
            return send([.getHeaders(presync.nextRequest)], to: peer) + assignDownloads()
        case .enoughWork:
            return []
        }
    }

    /// The next batch of a low-work branch being followed: counted while its work stays low;
    /// once it reaches ours, downloaded again and stored one committed batch at a time.
    private func continuePresync(_ presync: HeaderPresync, _ headers: [BlockHeader], from peer: Int) async -> [PeerAction] {
        var presync = presync
        if presync.isRedownloading {
            guard let committed = presync.committedPrefix(of: headers) else {
                // Not the headers counted (the peer's chain may have moved): stop following.
                peers[peer]?.presync = nil
                return []
            }
            let outcome = await chain.acceptHeaders(committed, continuing: nil, proven: true)
            await scheduleBodies(Array(committed.prefix(outcome.held)), relayed: false, from: peer)
            if case let .invalid(reason) = outcome.refusal { return misbehaved(peer, .invalidHeader(reason)) }
            guard outcome.refusal == nil else {
                peers[peer]?.presync = nil
                return assignDownloads()
            }
            let done = presync.stored()
            peers[peer]?.presync = done ? nil : presync
            // Done: the rest of the branch past the target is held the ordinary way.
            return send([.getHeaders(presync.nextRequest)], to: peer) + assignDownloads()
        }
        let outcome = await chain.acceptHeaders(headers, continuing: presync.branch, proven: false)
        switch outcome.refusal {
        case let .lowWork(branch):
            let more = presync.counted(branch, fullBatch: headers.count == WireLimits.headers)
            peers[peer]?.presync = more ? presync : nil
            return more ? send([.getHeaders(presync.nextRequest)], to: peer) : []
        case let .enoughWork(index):
            presync.reached(at: index, of: headers)
            peers[peer]?.presync = presync
            return send([.getHeaders(presync.nextRequest)], to: peer)
        case let .invalid(reason):
            peers[peer]?.presync = nil
            return misbehaved(peer, .invalidHeader(reason))
        case nil, .unknownParent, .rejectedByPolicy:
            peers[peer]?.presync = nil
            return []
        }
    }

    /// Notes held headers (relayed, the peer's best height) and schedules the bodies we lack.
    private func scheduleBodies(_ headers: [BlockHeader], relayed: Bool, from peer: Int) async {
        for header in headers {
            let id = header.id
            if relayed { noteRelayed(id, by: peer) }
            if let best = peers[peer]?.bestHeight, header.height > best { peers[peer]?.bestHeight = header.height }
            if !(await haveOrAwaitBody(id)) {
                scheduler.enqueue(id, height: header.height)
                blockSources[id] = peer
            }
        }
    }

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
        if unknownBlock { messages.append(.getHeaders(GetHeadersMessage(locator: await chain.headerLocator()))) }
        return send(messages, to: peer)
    }

    /// A body arrived: only requested ones count; connect whatever is now in order.
    func receiveBlock(_ block: Block, from peer: Int) async -> [PeerAction] {
        guard scheduler.receive(block, from: peer) else { return misbehaved(peer, .unrequestedData) }
        blockSources[block.id] = peer
        peers[peer]?.known.insert(block.id)
        let early = await relayBeforeValidation(block, from: peer)
        return early + (await connectReady()) + assignDownloads()
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

    /// Hands bodies to the chain in height order; relays each accepted one.
    func connectReady() async -> [PeerAction] {
        var actions: [PeerAction] = []
        while let block = scheduler.nextConnectable() {
            let id = block.id
            let source = blockSources.removeValue(forKey: id)
            connecting.insert(id)
            let verdict = await chain.acceptBlock(block)
            connecting.remove(id)
            relayedBodies.remove(id)
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

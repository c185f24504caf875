import FolioCore
import FolioWire

extension PeerManager {
    /// The handshake finished: refuse duplicates, remember good outbound peers, start sync.
    func established(_ peer: Int, identity: PublicKey, version: VersionMessage) async -> [PeerAction] {
        if peers.contains(where: { $0.key != peer && $0.value.isEstablished && $0.value.session.remoteIdentity == identity }) {
            return failSession(peer, .duplicateConnection, "already connected to this identity")
        }
        guard var state = peers[peer] else { return [] }
        state.bestHeight = version.bestHeight
        peers[peer] = state
        var messages: [Message] = []
        if let address = state.address {
            let lastSeen = (configuration.unixMillisAtZero + now) / 1000
            if !state.inbound {
                addressBook.markGood(PeerAddress(ip: address.ip, port: address.port, lastSeen: lastSeen), sparing: dialer.reserved)
                dialer.established(address.key, identity: identity)
                messages.append(.getAddr)
            } else if version.listenPort != 0 {
                addressBook.add(PeerAddress(ip: address.ip, port: version.listenPort, lastSeen: lastSeen))
            }
        }
        if version.bestHeight > (await chain.status()).headerHeight {
            messages.append(.getHeaders(GetHeadersMessage(locator: await chain.headerLocator())))
        }
        return send(messages, to: peer)
    }

    /// Closes `peer`'s session with `reason`, telling the peer.
    func failSession(_ peer: Int, _ reason: DisconnectReason, _ detail: String) -> [PeerAction] {
        guard var state = peers[peer] else { return [] }
        let outputs = state.session.fail(reason, detail)
        peers[peer] = state
        return localActions(outputs, peer: peer)
    }

    /// One message from an established peer.
    func receive(_ message: Message, from peer: Int) async -> [PeerAction] {
        switch message {
        case let .ping(ping): return send([.pong(PongMessage(nonce: ping.nonce))], to: peer)
        case let .pong(pong):
            if let ping = peers[peer]?.outstandingPing, ping.nonce == pong.nonce {
                peers[peer]?.outstandingPing = nil
                notePong(from: peer, roundTripMillis: now - ping.sentAt)
            }
            return []
        case let .getHeaders(request):
            let headers = await chain.headers(after: request.locator, stop: request.stop, limit: WireLimits.headers)
            return send([.headers(HeadersMessage(headers: headers))], to: peer)
        case let .headers(message): return await receiveHeaders(message.headers, from: peer)
        case let .inv(message): return await receiveInventory(message.items, from: peer)
        case let .getData(message): return await serve(message.items, to: peer)
        case let .notFound(message):
            for item in message.items {
                scheduler.notFound(item.id, from: peer, now: now)
                if requestedTransactions[item.id] == peer { requestedTransactions[item.id] = nil }
            }
            return assignDownloads()
        case let .block(message): return await receiveBlock(message.block, from: peer)
        case let .tx(message): return await receiveTransaction(message.transaction, from: peer)
        case let .addr(message):
            // Past its address budget a peer is ignored, not punished: the book fills at the
            // pace the configuration allows, whatever one peer sends.
            guard var state = peers[peer] else { return [] }
            // A last-seen time in the future counts as now: otherwise a peer could make its
            // addresses look fresher than any real one and push those out of their buckets.
            let nowSeconds = (configuration.unixMillisAtZero + now) / 1000
            for var address in message.addresses where state.addressBudget.take(1, now: now) {
                address.lastSeen = min(address.lastSeen, nowSeconds)
                addressBook.add(address)
            }
            peers[peer] = state
            return []
        case .getAddr:
            guard peers[peer]?.answeredGetAddr == false else { return [] }
            peers[peer]?.answeredGetAddr = true
            // A peer is never told its own listening address. Matched by address and port,
            // not IP alone: peers sharing an IP (one machine, one NAT) still learn each other.
            let own = peers[peer]?.listenKey
            let addresses = addressBook.sample(count: WireLimits.addresses, now: now).filter { $0.key != own }
            return send([.addr(AddrMessage(addresses: addresses))], to: peer)
        case .hello, .auth, .version, .verack, .disconnect:
            return misbehaved(peer, .protocolViolation("\(message.type) after the handshake"))
        }
    }

    private func serve(_ items: [InventoryItem], to peer: Int) async -> [PeerAction] {
        var replies: [Message] = []
        var missing: [InventoryItem] = []
        for item in items {
            switch item.kind {
            case .block:
                if let block = await chain.block(item.id) ?? relayedBodies.block(item.id) {
                    replies.append(.block(BlockMessage(block: block)))
                } else {
                    missing.append(item)
                }
            case .transaction:
                if let tx = await chain.transaction(item.id) { replies.append(.tx(TxMessage(transaction: tx))) } else { missing.append(item) }
            }
            peers[peer]?.known.insert(item.id)
        }
        if !missing.isEmpty { replies.append(.notFound(NotFoundMessage(items: missing))) }
        return send(replies, to: peer)
    }

    private func receiveTransaction(_ transaction: Transaction, from peer: Int) async -> [PeerAction] {
        let id = transaction.id
        guard requestedTransactions[id] == peer else { return misbehaved(peer, .unrequestedData) }
        peers[peer]?.known.insert(id)
        // The request stays recorded while the chain judges the transaction, so an `inv` for it
        // arriving meanwhile does not fetch it a second time.
        let verdict = await chain.acceptTransaction(transaction)
        if requestedTransactions[id] == peer { requestedTransactions[id] = nil }
        if case .accepted = verdict { noteNovel(.transaction, from: peer) }
        switch verdict {
        case .accepted: return announce(InventoryItem(kind: .transaction, id: id), except: peer)
        case let .invalid(reason): return misbehaved(peer, .invalidTransaction(reason))
        case .alreadyKnown, .rejectedByPolicy, .unknownParent: return []
        }
    }
}

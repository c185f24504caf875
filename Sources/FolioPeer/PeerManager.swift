import FolioCore
import FolioWire

/// Owns every connection's protocol state, the address book, misbehaviour scores and the
/// sync and relay logic of one node. Events in (`handle`), actions out; the chain is reached
/// only through `ChainBackend`, bytes only through `PeerAction.send`.
package actor PeerManager {
    /// The settings this manager runs with.
    package nonisolated let configuration: PeerConfiguration
    let crypto: any PeerCryptoProvider
    let chain: any ChainBackend
    /// Every connection's state, by the network layer's peer number.
    package internal(set) var peers: [Int: PeerState] = [:]
    /// The node's address book.
    package internal(set) var addressBook: AddressBook
    var scheduler = BlockDownloadScheduler()
    var requestedTransactions: [Hash256: Int] = [:]
    var blockSources: [Hash256: Int] = [:]
    /// Blocks handed to the chain and not yet answered for. The manager is an actor and
    /// validation awaits, so other peers' headers for the same block arrive meanwhile; without
    /// this, each would schedule the body again (B11 measured 1.5 bodies per node per block).
    var connecting: Set<Hash256> = []
    /// Whether a `connectReady` loop is running. Handing bodies over awaits the chain, so
    /// without this two events could each take a body and reach the chain out of order.
    var isConnectingBlocks = false
    /// Bodies relayed ahead of their validation, served to peers until the chain stores them.
    var relayedBodies = RelayedBodies()
    /// Blocks whose headers a peer relayed to us unasked, before validating them, by peer.
    var relayedBy: [Hash256: Int] = [:]
    /// Which book addresses to dial next, and each one's backoff.
    package internal(set) var dialer: OutboundDialer
    var pingCounter: UInt64 = 0
    var now: Int64 = 0

    /// A manager for one node.
    package init(configuration: PeerConfiguration, crypto: any PeerCryptoProvider, chain: any ChainBackend,
                 addressBook: AddressBook) {
        self.configuration = configuration
        self.crypto = crypto
        self.chain = chain
        self.addressBook = addressBook
        dialer = OutboundDialer(baseMillis: configuration.dialBackoffMillis, capMillis: configuration.maxDialBackoffMillis,
                                ownAddresses: configuration.localAddresses)
    }

    /// Handles one event at time `now` (milliseconds, the caller's monotonic clock).
    package func handle(_ event: PeerEvent, now: Int64) async -> [PeerAction] {
        self.now = max(self.now, now)
        switch event {
        case let .opened(peer, inbound, address): return await opened(peer, inbound: inbound, address: address)
        case let .frame(peer, frame):
            guard var state = peers[peer] else { return [] }
            // Rate limits first, before the frame costs a decryption.
            guard state.frameBudget.take(1, now: self.now) else {
                return misbehaved(peer, .flood("more than \(configuration.framesPerSecond) frames a second"))
            }
            guard state.byteBudget.take(Int64(frame.payload.count), now: self.now) else {
                return misbehaved(peer, .flood("more than \(configuration.bytesPerSecond) bytes a second"))
            }
            state.lastFrameAt = self.now
            let outputs = state.session.receive(frame)
            peers[peer] = state
            return await apply(outputs, from: peer)
        case let .closed(peer): return closed(peer)
        case let .dialFailed(address): return dialFailed(address)
        case .tick: return await tick()
        case .flushAnnouncements: return flushAnnouncements()
        case let .localBlock(block): return pushHeader(of: block)
        case let .localTransaction(transaction):
            return announce(InventoryItem(kind: .transaction, id: transaction.id), except: nil)
        case .connectBlocks: return await connectReady() + assignDownloads()
        }
    }

    /// Sync progress: headers known against blocks validated.
    package func progress() async -> SyncProgress {
        let status = await chain.status()
        return SyncProgress(knownHeight: status.headerHeight, validatedHeight: status.validatedHeight,
                            pendingBodies: scheduler.pendingCount)
    }

    /// Ids of peers whose handshake is complete.
    package var establishedPeers: [Int] { peers.filter { $0.value.isEstablished }.keys.sorted() }

    /// The proven identity of `peer`, once established.
    package func identity(of peer: Int) -> PublicKey? { peers[peer]?.session.remoteIdentity }

    private func opened(_ peer: Int, inbound: Bool, address: PeerAddress?) async -> [PeerAction] {
        if let address, !inbound { dialer.opened(address.key) }
        if let ip = address?.ip, addressBook.isDiscouraged(ip, now: now) {
            return [.close(peer: peer, .discouraged, "address \(ip) is discouraged")]
        }
        var version = configuration.version
        version.bestHeight = await chain.status().validatedHeight
        // No suspension from here on, so the inbound count checked is the count this peer joins.
        var evictions: [PeerAction] = []
        if inbound && peers.values.filter(\.inbound).count >= configuration.maxInbound {
            guard let room = makeInboundRoom() else {
                return [.close(peer: peer, .tooManyPeers, "inbound limit \(configuration.maxInbound) reached")]
            }
            evictions = room
        }
        var session = PeerSession(role: inbound ? .responder : .initiator, crypto: crypto, magic: configuration.magic,
                                  localVersion: version)
        let outputs = session.start()
        peers[peer] = PeerState(session: session, inbound: inbound, address: address, now: now, configuration: configuration)
        return evictions + localActions(outputs, peer: peer)
    }

    private func closed(_ peer: Int) -> [PeerAction] {
        if let state = peers.removeValue(forKey: peer) { outboundEnded(state, reason: nil) }
        scheduler.peerGone(peer)
        requestedTransactions = requestedTransactions.filter { $0.value != peer }
        return []
    }

    /// Turns session outputs into actions, running the protocol for delivered messages.
    func apply(_ outputs: [SessionOutput], from peer: Int) async -> [PeerAction] {
        var actions: [PeerAction] = []
        for output in outputs {
            switch output {
            case let .send(frame, sequence): actions.append(.send(peer: peer, frame, sequence: sequence))
            case let .close(reason, detail): actions += close(peer, reason, detail)
            case let .peerDisconnected(reason, detail): actions += close(peer, reason, "peer disconnected: \(detail)", punish: false)
            case let .established(identity, version): actions += await established(peer, identity: identity, version: version)
            case let .message(message): actions += await receive(message, from: peer)
            }
        }
        return actions
    }

    /// Seals `messages` to `peer` and returns the frames to send.
    func send(_ messages: [Message], to peer: Int) -> [PeerAction] {
        guard var state = peers[peer] else { return [] }
        var outputs: [SessionOutput] = []
        for message in messages {
            if case .getHeaders = message { state.awaitingHeaders = true }
            outputs += state.session.send(message)
        }
        peers[peer] = state
        return localActions(outputs, peer: peer)
    }

    /// Actions for outputs of a session step this node started (send, fail): frames and closes.
    func localActions(_ outputs: [SessionOutput], peer: Int) -> [PeerAction] {
        outputs.flatMap { output -> [PeerAction] in
            switch output {
            case let .send(frame, sequence): return [.send(peer: peer, frame, sequence: sequence)]
            case let .close(reason, detail): return close(peer, reason, detail)
            case .established, .message, .peerDisconnected: return []
            }
        }
    }

    /// Forgets `peer` and closes it; its misbehaviour (`punish`) also discourages its address.
    func close(_ peer: Int, _ reason: DisconnectReason, _ detail: String, punish: Bool = true) -> [PeerAction] {
        guard let state = peers.removeValue(forKey: peer) else { return [] }
        scheduler.peerGone(peer)
        outboundEnded(state, reason: reason)
        var actions: [PeerAction] = [.close(peer: peer, reason, detail)]
        // A loopback peer is only disconnected, never discouraged (bitcoind spares local
        // peers too): every process on this machine shares 127.0.0.1, so discouraging it
        // would cut this node off from all of them, a local testnet included.
        if punish, reason == .misbehaviour, let ip = state.address?.ip, !(ip.isLoopback && configuration.sparesLoopback) {
            let until = now + configuration.discourageMillis
            addressBook.discourage(ip, until: until)
            actions.append(.discourage(ip, until: until, detail))
        }
        return actions
    }

    /// Records `offence` by `peer`; at the threshold the peer is told why and closed.
    func misbehaved(_ peer: Int, _ offence: Misbehaviour) -> [PeerAction] {
        guard var state = peers[peer] else { return [] }
        let disconnect = state.score.record(offence)
        guard disconnect else {
            peers[peer] = state
            return []
        }
        let outputs = state.session.fail(.misbehaviour, offence.description)
        peers[peer] = state
        return localActions(outputs, peer: peer)
    }
}

import FolioPeer
import FolioWire
import NIOCore
import NIOPosix

/// Carries one node's peer connections over TCP: accepts and dials, decodes frames, hands
/// them to the `PeerManager` and performs the actions it returns. Holds no protocol logic.
package actor PeerNetwork {
    private let manager: PeerManager
    private let group: any EventLoopGroup
    private let magic: NetworkMagic
    private let started = ContinuousClock.now
    private var writers: [Int: NIOAsyncChannelOutboundWriter<Frame>] = [:]
    private var channels: [Int: any Channel] = [:]
    private var sendOrders: [Int: SendOrder] = [:]
    private let closeObserver: (@Sendable (PeerClosure) -> Void)?
    private let discourageObserver: (@Sendable (PeerDiscouragement) -> Void)?
    private let dialObserver: (@Sendable (PeerAddress) -> Void)?
    private var noteObserver: (@Sendable (PeerNoteLevel, String) -> Void)?
    private var nextPeer = 1
    /// Inbound sockets accepted and not yet closed: those the manager holds, those it has not
    /// heard of yet, and those it refused or evicted whose close has not finished. Past the
    /// inbound cap plus `NetworkDefaults.pendingInboundSlack` a new socket is closed at accept,
    /// so a flood arriving faster than the manager answers cannot take more descriptors.
    private var inboundSockets = 0
    /// Inbound sockets closed at accept because too many were open.
    package private(set) var refusedAtAccept = 0
    private var background: [Task<Void, Never>] = []
    /// Wakes the task that hands arrived bodies to the chain (`wakeConnector`).
    private var connectorWake: AsyncStream<Void>.Continuation?
    /// Background tasks not yet returned, so `shutdown` can wait for them before the caller
    /// shuts the event loops down (work they schedule afterwards would have no loop to run on).
    private var running = 0
    private var servers: [any Channel] = []
    /// Set when `shutdown` begins: from then on nothing is dialled and a connection that
    /// completes anyway is closed unserved. The manager, having forgotten every peer, would
    /// otherwise dial its book again on the next tick while the node stops.
    private var shuttingDown = false
    /// Frames received per message type byte, for metrics and tests.
    package private(set) var receivedFrames: [UInt8: Int] = [:]
    /// Payload bytes received per message type byte (sealed: each frame's plaintext plus its
    /// 16-byte tag), for B11's body bytes per node.
    package private(set) var receivedBytes: [UInt8: Int] = [:]

    /// A network for `manager`, running its sockets on `group`. `onClose` hears of every
    /// connection this node closes and why (for the node's log); `onDiscourage` of every
    /// address the manager discourages (for the log and the node's kept list); `onDial` of
    /// every address the manager dials from its book, in the order it asked (for the log).
    package init(manager: PeerManager, group: any EventLoopGroup, onClose: (@Sendable (PeerClosure) -> Void)? = nil,
                 onDiscourage: (@Sendable (PeerDiscouragement) -> Void)? = nil,
                 onDial: (@Sendable (PeerAddress) -> Void)? = nil) {
        self.manager = manager
        self.group = group
        magic = manager.configuration.magic
        closeObserver = onClose
        discourageObserver = onDiscourage
        dialObserver = onDial
    }

    /// Hands every note the manager makes (`PeerAction.note`) to `observer`, for the log.
    package func observeNotes(_ observer: @escaping @Sendable (PeerNoteLevel, String) -> Void) {
        noteObserver = observer
    }

    /// Milliseconds since this network started: the clock handed to the manager.
    package var now: Int64 {
        let elapsed = ContinuousClock.now - started
        return elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }

    /// Listens on `host:port` (port 0 picks a free one) and returns the bound port.
    package func listen(host: String, port: Int) async throws -> Int {
        let magic = magic
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try Self.wrap(channel, magic: magic) }
            }
        let bound = server.channel.localAddress?.port ?? port
        servers.append(server.channel)
        spawn { network in
            try? await server.executeThenClose { connections in
                await withDiscardingTaskGroup { tasks in
                    do {
                        for try await connection in connections {
                            guard network.admitInbound(connection.channel) else {
                                // Closed through the async channel: dropping it unfinished traps.
                                tasks.addTask { try? await connection.executeThenClose { _, _ in } }
                                continue
                            }
                            tasks.addTask { await network.serve(connection, inbound: true, address: nil) }
                        }
                    } catch {}
                }
            }
        }
        return bound
    }

    /// Dials `host:port`; `address` is what the manager knows the peer as.
    package func dial(host: String, port: Int, address: PeerAddress) {
        guard !shuttingDown else { return }
        let magic = magic, group = group
        spawn { network in
            do {
                let connection = try await ClientBootstrap(group: group).connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try Self.wrap(channel, magic: magic) }
                }
                await network.serve(connection, inbound: false, address: address)
            } catch {
                network.perform(await network.manager.handle(.dialFailed(address), now: network.now))
            }
        }
    }

    /// Starts the protocol clock: a tick every `everyMillis`, and a flush of the queued
    /// transaction announcements every `announceEveryMillis`.
    package func startTicking(everyMillis: Int64 = NetworkDefaults.tickMillis,
                              announceEveryMillis: Int64 = NetworkDefaults.announcementMillis) {
        repeatEvent(.tick, everyMillis: everyMillis)
        repeatEvent(.flushAnnouncements, everyMillis: announceEveryMillis)
    }

    private func repeatEvent(_ event: PeerEvent, everyMillis: Int64) {
        spawn { network in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(everyMillis))
                network.perform(await network.manager.handle(event, now: network.now))
            }
        }
    }

    /// Tells every peer the node is shutting down (a sealed `disconnect` where the keys are
    /// agreed), closes every connection, stops listening and ticking, and waits (at most five
    /// seconds) for the tasks that served them to return.
    package func shutdown() async {
        shuttingDown = true
        // Before the tasks are cancelled: the notices are written ahead of each close.
        perform(await manager.shutDown(now: now))
        connectorWake?.finish()
        background.forEach { $0.cancel() }
        for server in servers { try? await server.close() }
        servers.removeAll()
        for channel in channels.values { try? await channel.close() }
        channels.removeAll()
        writers.removeAll()
        let deadline = ContinuousClock.now + .seconds(5)
        while running > 0, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
    }

    /// Starts `work` as a background task that `shutdown` cancels and waits for.
    private func spawn(_ work: @escaping @Sendable (isolated PeerNetwork) async -> Void) {
        running += 1
        background.append(Task {
            await work(self)
            self.running -= 1
        })
    }

    private static func wrap(_ channel: any Channel, magic: NetworkMagic) throws -> NIOAsyncChannel<Frame, Frame> {
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(FrameDecoder(magic: magic), maximumBufferSize: FrameHeader.byteCount + WireLimits.maxFrameLength))
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(FrameEncoder(magic: magic)))
        return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                   configuration: .init(isOutboundHalfClosureEnabled: true))
    }

    /// Counts a newly accepted socket; returns false (the caller then closes it unserved) when
    /// the inbound cap plus the slack is already open.
    private func admitInbound(_ channel: any Channel) -> Bool {
        let most = manager.configuration.maxInbound + NetworkDefaults.pendingInboundSlack
        guard inboundSockets < most else {
            refusedAtAccept += 1
            report(0, channel: channel, .tooManyPeers,
                   "inbound limit \(manager.configuration.maxInbound) reached: \(inboundSockets) inbound sockets still open, refused at accept")
            return false
        }
        inboundSockets += 1
        return true
    }

    private func serve(_ connection: NIOAsyncChannel<Frame, Frame>, inbound: Bool, address: PeerAddress?) async {
        guard !shuttingDown else {
            if inbound { inboundSockets -= 1 }
            try? await connection.channel.close()
            return
        }
        let peer = nextPeer
        nextPeer += 1
        channels[peer] = connection.channel
        let remote = address ?? connection.channel.remoteAddress.flatMap(PeerAddress.init(socketAddress:))
        try? await connection.executeThenClose { frames, writer in
            self.writers[peer] = writer
            self.perform(await self.manager.handle(.opened(peer: peer, inbound: inbound, address: remote), now: self.now))
            for try await frame in frames {
                self.receivedFrames[frame.type, default: 0] += 1
                self.receivedBytes[frame.type, default: 0] += frame.payload.count
                self.perform(await self.manager.handle(.frame(peer: peer, frame), now: self.now))
                if self.writers[peer] == nil { break }
            }
        }
        writers[peer] = nil
        channels[peer] = nil
        sendOrders[peer] = nil
        if inbound { inboundSockets -= 1 }
        perform(await manager.handle(.closed(peer: peer), now: now))
    }

    /// Carries out the manager's actions (sends, closes, dials).
    package func perform(_ actions: [PeerAction]) {
        for action in actions {
            switch action {
            case let .send(peer, frame, sequence):
                guard let channel = channels[peer] else { continue }
                var order = sendOrders[peer] ?? SendOrder()
                guard let ready = order.admit(frame, sequence: sequence) else {
                    report(peer, channel: channel, nil, "\(order.heldCount) outgoing frames waited for frame \(order.next), which never came")
                    close(peer, channel: channel)
                    continue
                }
                sendOrders[peer] = order
                guard !ready.isEmpty else { continue }
                for next in ready { channel.write(next, promise: nil) }
                channel.flush()
            case let .close(peer, reason, detail):
                guard let channel = channels[peer] else { continue }
                report(peer, channel: channel, reason, detail)
                close(peer, channel: channel)
            case let .dial(address):
                dialObserver?(address)
                dial(host: address.ip.description, port: Int(address.port), address: address)
            case let .discourage(ip, until, detail):
                discourageObserver?(PeerDiscouragement(ip: ip, untilMillis: until, detail: detail))
            case let .note(level, text):
                noteObserver?(level, text)
            case .connectBlocks:
                wakeConnector()
            }
        }
    }

    /// Has the connector task send `PeerEvent.connectBlocks` to the manager, starting it the
    /// first time. One task does this for the whole node and wake-ups coalesce (a buffer of
    /// one): the manager's connect loop takes every body that is ready, so a wake-up that
    /// arrives while it runs needs only one more pass, not one per body.
    private func wakeConnector() {
        guard !shuttingDown else { return }
        if connectorWake == nil {
            let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            connectorWake = wake
            spawn { network in
                for await _ in wakes {
                    network.perform(await network.manager.handle(.connectBlocks, now: network.now))
                }
            }
        }
        connectorWake?.yield()
    }

    private func report(_ peer: Int, channel: any Channel, _ reason: DisconnectReason?, _ detail: String) {
        let remote = channel.remoteAddress.flatMap(PeerAddress.init(socketAddress:))
        closeObserver?(PeerClosure(peer: peer, remote: remote, reason: reason, detail: detail))
    }

    private func close(_ peer: Int, channel: any Channel) {
        writers[peer] = nil
        sendOrders[peer] = nil
        // Frames already written go out first; the close follows on the same event loop.
        channel.eventLoop.execute { channel.close(promise: nil) }
    }
}

/// A connection this node closed: which, to whom, and why.
package struct PeerClosure: Sendable {
    /// The network's connection number.
    package let peer: Int
    /// The remote end, when it is an IPv4 socket.
    package let remote: PeerAddress?
    /// The reason class; nil for a fault of this node's own.
    package let reason: DisconnectReason?
    /// What happened, in words.
    package let detail: String
}

/// An address the manager discourages: which, until when on the network's clock, and why.
package struct PeerDiscouragement: Sendable {
    /// The address refused.
    package let ip: IPAddress
    /// Until when, in milliseconds on the network's clock (`PeerNetwork.now`).
    package let untilMillis: Int64
    /// The offence, in words.
    package let detail: String
}

extension PeerAddress {
    /// The IPv4 address and port of a socket address; nil for other kinds.
    init?(socketAddress: SocketAddress) {
        guard case .v4 = socketAddress, let text = socketAddress.ipAddress, let port = socketAddress.port else { return nil }
        let parts = text.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4, let portNumber = UInt16(exactly: port) else { return nil }
        self.init(ip: IPAddress(parts[0], parts[1], parts[2], parts[3]), port: portNumber)
    }
}

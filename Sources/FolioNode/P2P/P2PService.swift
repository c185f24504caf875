import FolioAPI
import FolioConsensus
import FolioCore
import FolioCrypto
import FolioNetwork
import FolioPeer
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The node's peer-to-peer service: listens on `host:port`, dials every configured peer (and
/// redials with backoff when a link drops), lets the `PeerManager` fill the remaining
/// outbound connections from its address book, runs it over TCP through `PeerNetwork`, keeps
/// the address book in the data directory across restarts, and relays what this node adds
/// to its ledger (produced blocks, RPC-submitted transactions) to its peers. Blocks and transactions from peers reach the
/// ledger through `LedgerChainBackend`.
///
/// Runs as a swift-service-lifecycle `Service`; on graceful shutdown it stops listening and
/// closes every connection. Tests may call `start()` and `stop()` directly.
public actor P2PService: Service {
    let ledger: Ledger
    let params: ChainParams
    let host: String
    let configuredPort: Int
    let maxPeers: Int
    /// Outbound connections to hold (configured peers count towards it; the book fills the rest).
    let outboundTarget: Int
    /// Where the address book is kept; nil keeps it in memory only.
    let addressBookPath: String?
    /// The snapshot last written, so an unchanged book is not rewritten.
    var savedSnapshot: [UInt8]?
    /// Milliseconds between writes of a changed book.
    var addressBookSaveMillis = P2PService.defaultAddressBookSaveMillis
    /// Where the discouraged addresses are kept; nil keeps them in memory only.
    let discouragementPath: String?
    /// The discouragement list last written, so an unchanged list is not rewritten.
    var savedDiscouragements: [UInt8]?
    /// Milliseconds a change to the discouraged addresses waits before it is written, so a
    /// burst of offences costs one write.
    var discouragementSaveMillis = P2PService.defaultDiscouragementSaveMillis
    /// The write of the discouraged addresses waiting out `discouragementSaveMillis`, if any.
    var discouragementSave: Task<Void, Never>?
    /// Whether misbehaving loopback peers are spared discouragement (tests turn it off).
    var sparesLoopback = true
    /// The addresses last reserved in the manager (configured and filtered peers).
    var reservedAddresses: Set<AddressKey>?
    let identity: PrivateKey
    let logger: Logger
    let backend: LedgerChainBackend
    /// Configured peers, each with its resolved address and dial schedule.
    var targets: [DialTarget]
    var manager: PeerManager?
    var network: PeerNetwork?
    var tasks: [Task<Void, Never>] = []
    var observerToken: UInt64?
    var relayInput: AsyncStream<LedgerEvent>.Continuation?
    /// Peers set over `net_filter` that this node does not talk to.
    var peerFilter = PeerFilter()
    private var stopped = false
    /// The port the listener is bound to, once started.
    public private(set) var boundPort: Int?

    /// A service for `ledger` on the chain `params`, listening on `host:port` (0 picks a free
    /// port), dialling `peers` (`host:port` each; malformed entries are logged and skipped),
    /// accepting at most `maxPeers` inbound connections, proving `identity` in handshakes.
    /// It holds `outboundTarget` outbound connections, dialling addresses peers taught it when
    /// the configured peers are fewer (0 dials configured peers only), and keeps its address
    /// book at `addressBookPath` and the addresses it discouraged at `discouragementPath` (nil:
    /// in memory only).
    public init(ledger: Ledger, params: ChainParams, host: String, port: Int, peers: [String], maxPeers: Int,
                outboundTarget: Int = NetworkDefaults.outboundTarget, addressBookPath: String? = nil,
                discouragementPath: String? = nil, identity: PrivateKey, logger: Logger) {
        self.ledger = ledger
        self.params = params
        self.host = host
        configuredPort = port
        self.maxPeers = max(maxPeers, 0)
        self.outboundTarget = max(outboundTarget, 0)
        self.addressBookPath = addressBookPath
        self.discouragementPath = discouragementPath
        self.identity = identity
        self.logger = logger
        let engine: (any ConsensusEngine)?
        do { engine = try ConsensusEngineFactory.make(params: params) } catch {
            logger.warning("p2p: no consensus engine for header checks (\(error)); headers get the link rule only")
            engine = nil
        }
        backend = LedgerChainBackend(ledger: ledger, params: params, engine: engine, clock: ledger.clock, logger: logger)
        var targets: [DialTarget] = []
        for text in peers {
            guard let endpoint = PeerEndpoint(text) else {
                logger.warning("p2p: ignoring peer \"\(text)\": expected host:port")
                continue
            }
            if !targets.contains(where: { $0.endpoint == endpoint }) { targets.append(DialTarget(endpoint: endpoint)) }
        }
        self.targets = targets
    }

    /// Binds the listener, starts the protocol clock, the dialler and the relay; returns the
    /// bound port. Calling it again returns the same port.
    @discardableResult
    public func start() async throws -> Int {
        if let boundPort { return boundPort }
        guard !stopped else { throw P2PServiceError.stopped }
        let group = MultiThreadedEventLoopGroup.singleton
        let book = loadAddressBook()
        let discouraged = loadDiscouragements()
        let maxInbound = inboundCapForDescriptorLimit()
        var lastError: (any Error)?
        for _ in 0..<3 {
            do {
                // The port goes into `version` before the manager exists, so port 0 is
                // resolved to a free port first (retried if another process takes it meanwhile).
                let port = configuredPort == 0 ? try await FreePort.pick(host: host, group: group) : configuredPort
                let (manager, network) = makeStack(listenPort: port, group: group, book: book, maxInbound: maxInbound)
                // Before the listener opens, so a discouraged peer is refused from the first connection.
                await manager.restore(discouraged)
                let bound = try await network.listen(host: host, port: port)
                self.manager = manager
                self.network = network
                boundPort = bound
                await network.startTicking()
                await startRelay(manager: manager, network: network)
                await reserveConfiguredAndFiltered()
                startDialling(manager: manager, network: network)
                startFilterSweeps()
                startAddressBookSaves()
                logger.info("p2p: listening on \(host):\(bound)")
                return bound
            } catch {
                lastError = error
                if configuredPort != 0 { break }
            }
        }
        throw P2PServiceError.listenFailed(host: host, port: configuredPort, "\(lastError.map { "\($0)" } ?? "unknown")")
    }

    /// Runs until graceful shutdown (or cancellation), then closes every connection.
    public func run() async throws {
        try await start()
        try? await gracefulShutdown()
        await stop()
    }

    /// Stops listening, dialling and relaying, and closes every connection. Idempotent.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        if let observerToken { await ledger.removeObserver(observerToken) }
        observerToken = nil
        relayInput?.finish()
        relayInput = nil
        tasks.forEach { $0.cancel() }
        tasks.removeAll()
        discouragementSave?.cancel()
        await network?.shutdown()
        await saveAddressBook()
        await saveDiscouragements()
        if boundPort != nil { logger.info("p2p: stopped") }
    }

    /// Connected peers whose handshake is complete, in connection order.
    public func peers() async -> [PeerSummary] {
        guard let manager else { return [] }
        return await manager.peers.sorted { $0.key < $1.key }.compactMap { _, state in
            guard state.isEstablished else { return nil }
            return PeerSummary(address: state.address?.description ?? "unknown", direction: state.inbound ? "inbound" : "outbound",
                               height: state.bestHeight)
        }
    }

    /// Sync progress: best header height known, best validated height, established peers.
    public func progress() async -> (knownHeight: UInt64, validatedHeight: UInt64, peerCount: Int) {
        guard let manager else {
            let status = await backend.status()
            return (status.headerHeight, status.validatedHeight, 0)
        }
        let progress = await manager.progress()
        return (progress.knownHeight, progress.validatedHeight, await manager.establishedPeers.count)
    }

    /// Frames received so far with message type `type` (tests read `disconnect` counts).
    func framesReceived(type: UInt8) async -> Int {
        await network?.receivedFrames[type] ?? 0
    }

    private func makeStack(listenPort: Int, group: any EventLoopGroup, book: AddressBook, maxInbound: Int) -> (PeerManager, PeerNetwork) {
        var configuration = PeerConfiguration(chainId: params.chainId, genesis: params.genesisId,
                                              listenPort: UInt16(clamping: listenPort), userAgent: "foliod/\(FolioVersion.current)")
        configuration.maxInbound = maxInbound
        // The service dials the configured peers itself (see `dialDue`) and reserves them in
        // the manager, which fills the rest of the target from its book.
        configuration.targetOutbound = outboundTarget
        configuration.localAddresses = Self.localAddresses(host: host, port: listenPort)
        configuration.unixMillisAtZero = ledger.clock() * 1000
        configuration.sparesLoopback = sparesLoopback
        let manager = PeerManager(configuration: configuration, crypto: FolioPeerCrypto(identityKey: identity), chain: backend,
                                  addressBook: book)
        let logger = logger
        let minutes = configuration.discourageMillis / 60_000
        let onDiscourage: @Sendable (PeerDiscouragement) -> Void = { [weak self] discouragement in
            logger.warning("p2p: discouraged \(discouragement.ip) for \(minutes) min: \(discouragement.detail)")
            Task { await self?.discouragementsChanged() }
        }
        return (manager, PeerNetwork(manager: manager, group: group, onClose: { Self.log($0, to: logger) }, onDiscourage: onDiscourage,
                                     onDial: { logger.debug("p2p: dialling \($0) from the address book") }))
    }

    /// Logs a connection this node closed: misbehaviour and its own faults loudly, the
    /// ordinary ends (duplicate link, shutdown, limits) at debug.
    static func log(_ closure: PeerClosure, to logger: Logger) {
        let remote = closure.remote.map { "\($0.ip):\($0.port)" } ?? "peer \(closure.peer)"
        switch closure.reason {
        case nil: logger.error("p2p: closed link to \(remote): \(closure.detail)")
        case .misbehaviour?, .wrongChain?, .wrongGenesis?, .unsupportedVersion?, .handshakeFailed?, .timeout?:
            logger.warning("p2p: closed link to \(remote): \(closure.detail)")
        case .selfConnection?, .duplicateConnection?, .tooManyPeers?, .shuttingDown?, .discouraged?:
            logger.debug("p2p: closed link to \(remote): \(closure.detail)")
        }
    }
}

/// Why the peer-to-peer service could not start.
public enum P2PServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The listener could not be bound.
    case listenFailed(host: String, port: Int, String)
    /// `start` after `stop`.
    case stopped

    public var description: String {
        switch self {
        case let .listenFailed(host, port, why): return "p2p: cannot listen on \(host):\(port): \(why)"
        case .stopped: return "p2p: the service was stopped"
        }
    }
}

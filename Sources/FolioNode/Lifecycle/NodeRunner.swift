import FolioAPI
import FolioCore
import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import ServiceLifecycle

/// Starts and stops a node: data directory lock, config file, the ledger on SQLite, the block
/// producer, peer-to-peer, the HTTP service, and a graceful stop on SIGINT or SIGTERM that
/// finishes the block in hand, closes peers and the database, and removes the cookie and lock.
public enum NodeRunner {
    /// How long a graceful stop may take before services are cancelled (well under 10 s).
    static let gracefulStopLimit: Duration = .seconds(7)

    /// Runs until SIGINT or SIGTERM. `print` receives the lines meant for the operator.
    public static func run(config: NodeConfig, print: @escaping @Sendable (String) -> Void) async throws {
        let logger = Logger(label: "foliod")
        let network = try NetworkChoice(setting: config.network)
        let params = try network.params()
        let lock = try DataDirectoryLock(dataDirectory: config.dataDirectory)
        defer { lock.release() }
        if try ConfigFile.writeTemplateIfAbsent(at: NodeConfig.filePath(dataDirectory: config.dataDirectory)) {
            logger.info("wrote a commented foliod.toml", metadata: ["datadir": "\(config.dataDirectory)"])
        }
        let (ledger, engine) = try NodeLedgerFactory.open(
            params: params, dataDirectory: config.dataDirectory, clockOffset: config.clockOffsetSeconds)
        let productionClock = OffsetProductionClock(offsetMilliseconds: config.clockOffsetSeconds * 1000)
        if config.clockOffsetSeconds != 0 {
            logger.warning("this node's clock runs \(config.clockOffsetSeconds) s off the system clock (clock-offset)")
        }
        let producer = try NodeLedgerFactory.producer(
            engine: engine, params: params, config: config, isDev: network.isStandalone, clock: productionClock)
        let (authenticator, cookie) = try authentication(config)
        defer { cookie?.remove() }

        var services: [any Service] = []
        var networkStatus: (any NetworkStatusSource)?
        var peerFilter: (any PeerFilterControl)?
        if !network.isStandalone || !config.peers.isEmpty {
            let peerService = try P2PStarter.make(ledger: ledger, params: params, config: config, logger: logger)
            services.append(peerService)
            networkStatus = peerService
            peerFilter = peerService
        }
        let backend = LedgerBackend(ledger: ledger, network: networkStatus, standalone: network.isStandalone)
        let metrics = NodeMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        await metrics.observe(ledger)
        services.append(NodeStatusReporter(backend: backend, metrics: metrics, logger: logger))
        if let producer {
            services.append(BlockProductionService(
                ledger: ledger, producer: producer.producer, templateSeal: producer.templateSeal, clock: productionClock,
                logger: logger))
        }
        let router = try NodeHTTP.router(
            backend: backend, authenticator: authenticator, maxBodyBytes: config.rpcMaxBodyBytes, metrics: metrics,
            peerFilter: peerFilter)
        if network.isStandalone {
            let keys = (try? DevKeystore.write(dataDirectory: config.dataDirectory)) ?? []
            print(DevBanner.text(params: params, dataDirectory: config.dataDirectory, keyFiles: keys))
        }
        let tip = await ledger.chain.tip
        logger.info("chain open", metadata: ["height": "\(tip.height)", "tip": "\(tip.id)", "engine": "\(params.consensus.engineName)"])
        let host = config.rpcHost
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: config.rpcPort), serverName: "foliod"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.rpcPort
                print("rpc: http://\(host):\(port)\(RPCDefaults.rpcPath)  explorer: http://\(host):\(port)/  metrics: /metrics")
                if let cookie { print("cookie: \(cookie.path)") }
            },
            logger: logger)
        // A service group stops services in reverse order: the producer first (a block in hand
        // is committed before the process lets go of the database), then the reporter, peers,
        // and HTTP last.
        var groupConfig = ServiceGroupConfiguration(
            services: [app] + services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfig.maximumGracefulShutdownDuration = gracefulStopLimit
        try await ServiceGroup(configuration: groupConfig).run()
        let finalHeight = await ledger.chain.tip.height
        logger.info("stopped", metadata: ["height": "\(finalHeight)"])
    }

    private static func authentication(_ config: NodeConfig) throws(StorageError) -> (RPCAuthenticator, CookieFile?) {
        guard config.rpcAuth else { return (RPCAuthenticator(mode: .off), nil) }
        if let token = config.rpcToken { return (RPCAuthenticator(mode: .token(token)), nil) }
        let cookie = try CookieFile.create(dataDirectory: config.dataDirectory)
        return (RPCAuthenticator(mode: .cookie(secret: cookie.secret)), cookie)
    }
}

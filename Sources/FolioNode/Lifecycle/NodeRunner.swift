import FolioAPI
import FolioCore
import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import ServiceLifecycle

/// Starts and stops a node: data directory lock, config file, authentication, the HTTP
/// service, and a graceful stop on SIGINT or SIGTERM that removes the cookie and the lock.
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
        let (authenticator, cookie) = try authentication(config)
        defer { cookie?.remove() }

        let backend = GenesisBackend(params: params, standalone: network.isStandalone)
        let metrics = NodeMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let router = try NodeHTTP.router(
            backend: backend, authenticator: authenticator, maxBodyBytes: config.rpcMaxBodyBytes, metrics: metrics)
        if network.isStandalone { print(DevBanner.text(params: params, dataDirectory: config.dataDirectory)) }
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
        var groupConfig = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfig.maximumGracefulShutdownDuration = gracefulStopLimit
        try await ServiceGroup(configuration: groupConfig).run()
        logger.info("stopped")
    }

    private static func authentication(_ config: NodeConfig) throws(StorageError) -> (RPCAuthenticator, CookieFile?) {
        guard config.rpcAuth else { return (RPCAuthenticator(mode: .off), nil) }
        if let token = config.rpcToken { return (RPCAuthenticator(mode: .token(token)), nil) }
        let cookie = try CookieFile.create(dataDirectory: config.dataDirectory)
        return (RPCAuthenticator(mode: .cookie(secret: cookie.secret)), cookie)
    }
}

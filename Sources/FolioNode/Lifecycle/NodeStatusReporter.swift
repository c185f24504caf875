import FolioAPI
import Logging
import ServiceLifecycle

/// Every few seconds: logs sync progress while the node is syncing or stalled (known and
/// validated heights, blocks per second, ETA), and keeps the peer and best-known-height gauges
/// current. Quiet when synced or standalone.
struct NodeStatusReporter: Service {
    let backend: any NodeBackend
    let metrics: NodeMetrics
    let logger: Logger
    /// Seconds between reports.
    let interval: Duration

    init(backend: any NodeBackend, metrics: NodeMetrics, logger: Logger, interval: Duration = .seconds(5)) {
        self.backend = backend
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var lastState: SyncStatus.State?
            while !Task.isCancelled {
                let status = await backend.syncStatus()
                let peers = await backend.peers()
                metrics.bestKnownHeight.record(Double(status.knownHeight))
                metrics.peersInbound.record(Double(peers.filter { $0.direction == "inbound" }.count))
                metrics.peersOutbound.record(Double(peers.filter { $0.direction == "outbound" }.count))
                if let line = Self.line(for: status, previous: lastState) {
                    logger.info("\(line)")
                }
                lastState = status.state
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// The log line for `status`: always while syncing or stalled, once on any other change.
    static func line(for status: SyncStatus, previous: SyncStatus.State?) -> String? {
        switch status.state {
        case .syncing:
            var text = "syncing: validated \(status.validatedHeight) of \(status.knownHeight) known, \(status.peers) peers"
            if let rate = status.blocksPerSecond { text += String(format: ", %.1f blocks/s", rate) }
            if let eta = status.etaSeconds { text += ", about \(eta) s to go" }
            return text
        case .stalled:
            return "stalled: validated \(status.validatedHeight) of \(status.knownHeight) known for over a minute, \(status.peers) peers"
        case .noPeers where previous != .noPeers:
            return "no peers: waiting for connections (check the peers setting)"
        case .synced where previous != .synced:
            return "synced at height \(status.validatedHeight) with \(status.peers) peers"
        default:
            return nil
        }
    }
}

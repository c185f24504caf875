import FolioAPI
import Foundation
import Prometheus

/// The node's `folio_*` metrics in one Prometheus registry, served at `/metrics`. Names use
/// base units (seconds, bytes) as Prometheus asks.
final class NodeMetrics: Sendable {
    /// The registry `/metrics` renders.
    let registry: PrometheusCollectorRegistry
    /// Height of the best validated block.
    let chainHeight: Gauge
    /// Best height any peer announced.
    let bestKnownHeight: Gauge
    /// Inbound peer connections.
    let peersInbound: Gauge
    /// Outbound peer connections.
    let peersOutbound: Gauge
    /// Transactions waiting in the mempool.
    let mempoolSize: Gauge
    /// Deepest reorganisation seen since start, in blocks.
    let reorgDepth: Gauge
    /// `work_similar` and explorer fingerprint queries.
    let fingerprintQueries: Counter
    /// Block import time.
    let blockImportDuration: DurationHistogram
    private let rpcDurations: [String: DurationHistogram]
    private let rpcUnknownDuration: DurationHistogram

    /// Registers every metric in `registry`.
    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        func gauge(_ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "folio", metricName: name, unitName: unit, helpText: help))
        }
        chainHeight = gauge("chain_height", "", "Height of the best validated block.")
        bestKnownHeight = gauge("best_known_height", "", "Highest block height any peer has announced.")
        peersInbound = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "folio", metricName: "peers", unitName: "", helpText: "Connected peers."),
            labels: [("direction", "inbound")])
        peersOutbound = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "folio", metricName: "peers", unitName: "", helpText: "Connected peers."),
            labels: [("direction", "outbound")])
        mempoolSize = gauge("mempool_transactions", "", "Transactions waiting in the mempool.")
        reorgDepth = gauge("reorg_depth", "blocks", "Deepest chain reorganisation since start.")
        fingerprintQueries = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "folio", metricName: "fingerprint_queries", unitName: "total", helpText: "Similar-work queries answered."))
        let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100),
                                   .milliseconds(500), .seconds(2), .seconds(10)]
        blockImportDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "folio", metricName: "block_import_duration", unitName: "seconds", helpText: "Time to validate and store a block."),
            labels: [], buckets: buckets)
        let rpcDescriptor = MetricNameDescriptor(
            namespace: "folio", metricName: "rpc_request_duration", unitName: "seconds", helpText: "JSON-RPC request handling time by method.")
        var durations: [String: DurationHistogram] = [:]
        for name in RPCCatalogue.methodNames {
            durations[name] = registry.makeDurationHistogram(descriptor: rpcDescriptor, labels: [("method", name)], buckets: buckets)
        }
        rpcDurations = durations
        rpcUnknownDuration = registry.makeDurationHistogram(descriptor: rpcDescriptor, labels: [("method", "unknown")], buckets: buckets)
    }

    /// Records one RPC call; unknown or unreadable methods share the label `unknown`, so a
    /// caller cannot create unbounded label values.
    func recordRPC(method: String?, duration: Duration) {
        (method.flatMap { rpcDurations[$0] } ?? rpcUnknownDuration).record(duration)
    }

    private let deepestReorg = ReorgHigh()

    /// Raises the reorg gauge if `depth` is the deepest seen.
    func recordReorg(depth: Int) {
        if let deepest = deepestReorg.raise(to: depth) { reorgDepth.record(Double(deepest)) }
    }

    /// The Prometheus text exposition.
    func render() -> String { registry.emitToString() }
}

/// The deepest reorg seen, raised under a lock (events arrive on the ledger's executor).
final class ReorgHigh: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Sets the high mark to `depth` if higher; returns the new mark when it changed.
    func raise(to depth: Int) -> Int? {
        lock.withLock {
            guard depth > value else { return nil }
            value = depth
            return value
        }
    }
}

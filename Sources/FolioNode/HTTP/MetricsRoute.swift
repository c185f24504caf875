import Hummingbird

/// `GET /metrics`: the Prometheus text exposition, refreshed from the backend first.
struct MetricsRoute: Sendable {
    let metrics: NodeMetrics
    let backend: any NodeBackend

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/metrics") { _, _ in
            await refresh()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
        }
    }

    /// Sets the gauges a scrape should see from the backend's current answers.
    func refresh() async {
        let sync = await backend.syncStatus()
        metrics.chainHeight.set(Double(sync.validatedHeight))
        metrics.bestKnownHeight.set(Double(sync.knownHeight))
        let peers = await backend.peers()
        metrics.peersInbound.set(Double(peers.filter { $0.direction == "inbound" }.count))
        metrics.peersOutbound.set(Double(peers.filter { $0.direction == "outbound" }.count))
    }
}

import Hummingbird

/// The one HTTP port's routes: `POST /rpc`, `GET /metrics` and the explorer.
enum NodeHTTP {
    /// A router serving `backend`, and `net_filter` from `peerFilter` (nil: none); the
    /// explorer's `/match` uploads are paced per client by `matchLimiter`.
    static func router(
        backend: any NodeBackend, authenticator: RPCAuthenticator, maxBodyBytes: Int, metrics: NodeMetrics,
        peerFilter: (any PeerFilterControl)? = nil, matchLimiter: MatchRateLimiter = MatchRateLimiter()
    ) throws -> Router<NodeRequestContext> {
        let router = Router(context: NodeRequestContext.self)
        let dispatcher = RPCMethods.dispatcher(backend: backend, peerFilter: peerFilter) { metrics.fingerprintQueries.increment() }
        RPCRoute(dispatcher: dispatcher, authenticator: authenticator, maxBodyBytes: maxBodyBytes, metrics: metrics)
            .register(on: router)
        MetricsRoute(metrics: metrics, backend: backend).register(on: router)
        try ExplorerRoutes(backend: backend, matchLimiter: matchLimiter).register(on: router)
        return router
    }
}

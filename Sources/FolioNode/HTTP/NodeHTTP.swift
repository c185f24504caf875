import Hummingbird

/// The one HTTP port's routes: `POST /rpc`, `GET /metrics` and the explorer.
enum NodeHTTP {
    /// A router serving `backend`, and `net_filter` from `peerFilter` (nil: none).
    static func router(
        backend: any NodeBackend, authenticator: RPCAuthenticator, maxBodyBytes: Int, metrics: NodeMetrics,
        peerFilter: (any PeerFilterControl)? = nil
    ) throws -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let dispatcher = RPCMethods.dispatcher(backend: backend, peerFilter: peerFilter) { metrics.fingerprintQueries.increment() }
        RPCRoute(dispatcher: dispatcher, authenticator: authenticator, maxBodyBytes: maxBodyBytes, metrics: metrics)
            .register(on: router)
        MetricsRoute(metrics: metrics, backend: backend).register(on: router)
        try ExplorerRoutes(backend: backend).register(on: router)
        return router
    }
}

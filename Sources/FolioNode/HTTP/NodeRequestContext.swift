import Hummingbird
import NIOCore

/// The request context of the node's HTTP port: Hummingbird's basic context plus the peer
/// address of the connection, which the explorer's per-client `/match` limit counts by.
struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage (logger, route parameters).
    var coreContext: CoreRequestContextStorage
    /// The connection's peer address; nil where there is none (router tests).
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

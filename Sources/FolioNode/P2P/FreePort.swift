import NIOCore
import NIOPosix

/// Finds a free TCP port by binding port 0 and closing the socket again.
enum FreePort {
    /// A port on `host` the system reported free a moment ago.
    static func pick(host: String, group: any EventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port, port > 0 else { throw P2PServiceError.listenFailed(host: host, port: 0, "no port reported") }
        return port
    }
}

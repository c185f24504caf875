import Foundation
import NIOCore
import NIOPosix

/// One proxied peer link: node `from` dials `listenPort`, and the proxy carries the bytes to
/// node `to`'s peer-to-peer port.
public struct ProxyLink: Codable, Sendable, Equatable {
    /// The dialling node.
    public var from: Int
    /// The dialled node.
    public var to: Int
    /// The port the proxy listens on for this link.
    public var listenPort: Int
    /// The dialled node's peer-to-peer port.
    public var targetPort: Int
}

/// The TCP proxy `folio-testnet up --proxy` runs in a long-lived `folio-testnet proxy-serve`
/// process: one listener per link, bytes passed through unchanged, each chunk held for the
/// link's delay, and with the link's loss probability held a further retransmission timeout.
/// TCP never loses bytes inside a stream, so loss is modelled as the delay a retransmission
/// costs; dropping bytes would only corrupt the peers' encrypted stream.
public struct LinkProxy: Sendable {
    let links: [ProxyLink]
    let directory: String
    let say: @Sendable (String) -> Void

    /// What the proxy prints once every link's port is bound.
    public static let readyLine = "proxy: ready"

    /// A proxy for `links` of the testnet in `directory`.
    public init(links: [ProxyLink], directory: String, say: @escaping @Sendable (String) -> Void) {
        self.links = links
        self.directory = directory
        self.say = say
    }

    /// Listens on every link's port and serves until cancelled.
    public func run() async throws {
        let faults = FaultsReader(directory: directory)
        let group = MultiThreadedEventLoopGroup.singleton
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask { await faults.refreshForever() }
            for link in links {
                let server = try await ServerBootstrap(group: group)
                    .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                    .bind(host: "127.0.0.1", port: link.listenPort) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
                say("proxy: 127.0.0.1:\(link.listenPort) carries node \(link.from) → node \(link.to) (port \(link.targetPort))")
                tasks.addTask {
                    try await server.executeThenClose { connections in
                        try await withThrowingDiscardingTaskGroup { inner in
                            for try await connection in connections {
                                inner.addTask { await Self.carry(connection, link: link, faults: faults, group: group) }
                            }
                        }
                    }
                }
            }
            say(Self.readyLine)
        }
    }

    /// Connects to the target and pumps both ways until either side closes.
    static func carry(
        _ inbound: NIOAsyncChannel<ByteBuffer, ByteBuffer>, link: ProxyLink, faults: FaultsReader, group: any EventLoopGroup
    ) async {
        let outbound: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            outbound = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: link.targetPort) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        } catch {
            try? await inbound.channel.close()
            return
        }
        try? await inbound.executeThenClose { inRead, inWrite in
            try await outbound.executeThenClose { outRead, outWrite in
                await withDiscardingTaskGroup { pumps in
                    pumps.addTask { await pump(inRead, to: outWrite, link: link, faults: faults) }
                    pumps.addTask { await pump(outRead, to: inWrite, link: link, faults: faults) }
                }
            }
        }
    }

    /// Passes chunks from `source` to `sink` in order, each released at its own time: now plus
    /// the link's delay (plus the retransmission timeout if "lost"), never before the chunk
    /// ahead of it.
    static func pump(
        _ source: NIOAsyncChannelInboundStream<ByteBuffer>, to sink: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        link: ProxyLink, faults: FaultsReader
    ) async {
        let (queue, input) = AsyncStream<(ByteBuffer, ContinuousClock.Instant)>.makeStream()
        await withDiscardingTaskGroup { tasks in
            tasks.addTask {
                var last = ContinuousClock.now
                do {
                    for try await chunk in source {
                        let (delay, loss) = await faults.current.link(link.from, link.to)
                        var hold = delay
                        if loss > 0, Double.random(in: 0..<1) < loss { hold += LinkFaults.retransmissionMillis }
                        last = max(ContinuousClock.now + .milliseconds(hold), last)
                        input.yield((chunk, last))
                    }
                } catch {}
                input.finish()
            }
            tasks.addTask {
                for await (chunk, due) in queue {
                    if due > ContinuousClock.now { try? await Task.sleep(until: due, clock: .continuous) }
                    do { try await sink.write(chunk) } catch { break }
                }
                sink.finish()
            }
        }
    }
}

/// The current faults, re-read from `faults.json` every 200 ms.
actor FaultsReader {
    let directory: String
    private(set) var current: LinkFaults

    init(directory: String) {
        self.directory = directory
        current = LinkFaults.load(directory: directory)
    }

    func refreshForever() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
            current = LinkFaults.load(directory: directory)
        }
    }
}

import FolioTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import FolioNode

@Suite struct LinkFaultsTests {
    @Test func delaysOfBothEndsAddAndLossesCombine() {
        var faults = LinkFaults()
        #expect(faults.isEmpty)
        faults.delayMillis = [1: 100, 2: 50]
        faults.lossPercent = [1: 50, 3: 50]
        #expect(faults.link(1, 2).delayMillis == 150)
        #expect(faults.link(0, 3).delayMillis == 0)
        #expect(faults.link(1, 3).loss == 0.75)
        #expect(faults.link(0, 2).loss == 0)
        #expect(faults.description == "delay 1: 100 ms, delay 2: 50 ms, loss 1: 50 %, loss 3: 50 %")
    }

    @Test func proxyPortsFollowTheNodePortsAndTheLinks() throws {
        var plan = try TestnetPlan(nodeCount: 6, engine: .poa, basePort: 20_000)
        plan.viaProxy = true
        let links = plan.proxyLinks()
        #expect(links.count == plan.peerLinks().joined().count)
        #expect(links.map(\.listenPort) == Array(20_012..<(20_012 + links.count)))
        for link in links { #expect(link.targetPort == plan.p2pPort(link.to)) }
    }
}

@Suite struct LinkProxyTests {
    /// An echo server on a free port.
    static func echoServer() async throws -> (Int, Task<Void, Never>) {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        let port = try #require(server.channel.localAddress?.port)
        let task = Task<Void, Never> {
            _ = try? await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask {
                            try? await connection.executeThenClose { input, output in
                                for try await chunk in input { try await output.write(chunk) }
                            }
                        }
                    }
                }
            }
        }
        return (port, task)
    }

    @Test func bytesPassUnchangedAndInOrderUnderDelayAndLoss() async throws {
        let scratch = try TemporaryDirectory(prefix: "proxy")
        defer { scratch.remove() }
        let directory = scratch.path
        var faults = LinkFaults()
        faults.delayMillis = [0: 5]
        faults.lossPercent = [1: 50]
        try faults.save(directory: directory)
        let (echoPort, echo) = try await Self.echoServer()
        defer { echo.cancel() }
        let proxyPort = try await FreePort.pick(host: "127.0.0.1", group: MultiThreadedEventLoopGroup.singleton)
        let proxy = LinkProxy(links: [ProxyLink(from: 0, to: 1, listenPort: proxyPort, targetPort: echoPort)], directory: directory) { _ in }
        let running = Task { try? await proxy.run() }
        defer { running.cancel() }

        var client: NIOAsyncChannel<ByteBuffer, ByteBuffer>?
        for _ in 0..<50 where client == nil {
            client = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: proxyPort) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
            if client == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let connection = try #require(client)
        let sent = (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var received: [UInt8] = []
        try await connection.executeThenClose { input, output in
            for start in stride(from: 0, to: sent.count, by: 250) {
                try await output.write(ByteBuffer(bytes: sent[start..<min(start + 250, sent.count)]))
            }
            for try await chunk in input {
                received += chunk.readableBytesView
                if received.count >= sent.count { break }
            }
        }
        #expect(received == sent)
    }
}

import FolioCore
import FolioPeer
import FolioWire
import NIOCore
import NIOPosix

/// A peer under a test's control on a real TCP socket (127.0.0.1): it runs the handshake with its own
/// `PeerSession`, then writes whatever the test asks, well-formed or not, and reads frames back.
package final class HostilePeer: @unchecked Sendable {
    /// The socket.
    package let channel: any Channel
    private var session: PeerSession
    private var parser: FrameParser
    private let inbox: AsyncStream<ByteBuffer>
    private var reader: AsyncStream<ByteBuffer>.Iterator

    /// Connects to `port` on `host` (127.0.0.1 by default), from `source` when given (any
    /// 127.x.y.z works on Linux loopback, so one machine can play peers of many /16 groups);
    /// the session is not started.
    package init(port: Int, host: String = "127.0.0.1", source: String? = nil, group: any EventLoopGroup, crypto: any PeerCryptoProvider,
                 version: VersionMessage) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        inbox = stream
        reader = stream.makeAsyncIterator()
        var bootstrap = ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(continuation)) }
            }
        if let source { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: source, port: 0)) }
        channel = try await bootstrap.connect(host: host, port: port).get()
        session = PeerSession(role: .initiator, crypto: crypto, magic: version.magic, localVersion: version)
        parser = FrameParser(magic: version.magic)
    }

    /// Runs the handshake until established, refused or `limit` frames; returns the final phase.
    @discardableResult
    package func handshake(limit: Int = 16) async throws -> PeerSession.Phase {
        try await write(session.start())
        var frames = 0
        while session.phase != .established, session.phase != .closed, frames < limit {
            guard let frame = try await nextFrame() else { break }
            frames += 1
            try await write(session.receive(frame))
        }
        return session.phase
    }

    /// The next message the node sends, skipping nothing; nil if the socket closed first.
    package func nextMessage() async throws -> Message? {
        while let frame = try await nextFrame() {
            for output in session.receive(frame) {
                if case let .message(message) = output { return message }
            }
            if session.phase == .closed { return nil }
        }
        return nil
    }

    /// Seals and sends `message`.
    package func send(_ message: Message) async throws { try await write(session.send(message)) }

    /// Seals and sends `payload` under type byte `type`, however malformed.
    package func sendUnchecked(type: UInt8, payload: [UInt8]) async throws {
        try await write(session.sendUnchecked(type: type, payload: payload))
    }

    /// Writes raw bytes, framing and all.
    package func sendBytes(_ bytes: [UInt8]) async throws {
        try await put(bytes)
    }

    /// Waits for the node to close the socket, for at most `seconds`; true if it did.
    package func closedByNode(within seconds: Double = 10) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if !channel.isActive { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return !channel.isActive
    }

    /// Closes our end.
    package func close() async { try? await channel.close() }

    private func write(_ outputs: [SessionOutput]) async throws {
        for case let .send(frame, _) in outputs { try await put(frame.bytes(magic: parser.magic)) }
    }

    /// Writes `bytes`; a write that fails because the node already closed the socket is not an
    /// error here (closing on a hostile peer is what the tests expect of the node).
    private func put(_ bytes: [UInt8]) async throws {
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
        } catch ChannelError.ioOnClosedChannel {
            return
        } catch {
            if channel.isActive { throw error }
        }
    }

    private func nextFrame() async throws -> Frame? {
        while true {
            if let frame = try parser.next() { return frame }
            guard var bytes = await reader.next() else { return nil }
            parser.append(bytes.readBytes(length: bytes.readableBytes) ?? [])
        }
    }

    /// Hands every inbound buffer to the stream and ends it when the socket closes.
    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let continuation: AsyncStream<ByteBuffer>.Continuation
        init(_ continuation: AsyncStream<ByteBuffer>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) {
            continuation.finish()
            context.fireChannelInactive()
        }
    }
}

extension VersionMessage {
    /// The network magic of this version's chain.
    package var magic: NetworkMagic { NetworkMagic(chainId: chainId) }
}

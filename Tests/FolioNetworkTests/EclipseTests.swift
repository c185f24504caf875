import FolioChain
import FolioCore
import FolioCrypto
import FolioMempool
import FolioPeer
import FolioStore
import FolioTestSupport
import FolioWire
import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import FolioNode

/// R8 of BENCHMARKS.md over real sockets: attackers holding one /16 (127.7.0.0/16; Linux
/// loopback answers every 127.x.y.z, so each group of peers gets its own /16 on one machine)
/// connect from many addresses of it and flood a real node (`P2PService`, its address book on
/// disk) with thousands of addresses of their group, four of them real listeners that complete
/// handshakes. The group ends up in one bucket of the book, honest addresses of other groups
/// stay, the node gives the group one outbound link and one anchor however many slots it has
/// free, and after a restart it dials its anchors before anything else and reconnects to the
/// honest ones.
@Suite(.serialized, .timeLimit(.minutes(3))) struct EclipseTests {
    /// The attackers' network group.
    static let attackerGroup: [UInt8] = [4, 127, 7]

    static func isAttacker(_ address: String) -> Bool { address.hasPrefix("127.7.") }

    @Test func oneSlashSixteenFloodingAddressesHoldsOneBucketOneSlotAndOneAnchor() async throws {
        try await TemporaryDirectory.with(prefix: "folio-eclipse") { directory, teardown in
            let bookPath = directory.url.appendingPathComponent(AddressBookFile.fileName).path
            let params = try DevChain.params()
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let version = VersionMessage(protocolVersion: PeerProtocol.version, chainId: params.chainId, genesis: params.genesisId,
                                         bestHeight: 0, listenPort: 9333, userAgent: "eclipse")

            // Honest peers, each in its own /16.
            var honest: [P2PService] = []
            var honestAddresses: [String] = []
            for (index, host) in ["127.8.0.1", "127.9.0.1", "127.10.0.1"].enumerated() {
                let service = P2PService(ledger: try Self.ledger(params), params: params, host: host, port: 0, peers: [], maxPeers: 16,
                                         outboundTarget: 0, identity: try DevChain.key(label: "eclipse/honest/\(index)"),
                                         logger: Self.quietLogger("honest\(index)"))
                honestAddresses.append("\(host):\(try await service.start())")
                honest.append(service)
            }
            // Attacker listeners in 127.7/16 that complete handshakes.
            var listeners: [AttackerListener] = []
            for index in 1...4 {
                listeners.append(try await AttackerListener(host: "127.7.0.\(index)", group: group,
                                                            identity: try DevChain.key(label: "eclipse/listener/\(index)"), version: version))
            }

            // The node: configured with the honest peers, wanting eight outbound links, so five
            // slots are left for its book to fill.
            let ledger = try Self.ledger(params)
            let node = P2PService(ledger: ledger, params: params, host: "127.0.0.1", port: 0, peers: honestAddresses, maxPeers: 16,
                                  outboundTarget: 8, addressBookPath: bookPath, identity: try DevChain.key(label: "eclipse/node"),
                                  logger: Self.quietLogger("node"))
            // The node and its restart write the book: stopped before the directory goes, on every path.
            teardown.add { await node.stop() }
            let nodePort = try await node.start()
            #expect(await Self.eventually { await Self.outbound(node) == Set(honestAddresses) })

            // Four attackers connect from four addresses of their /16 and send 3,000 addresses each
            // (every one of their /16, last seen in the future), the listeners' among them.
            let listenerAddresses = listeners.map { PeerAddress(ip: $0.ip, port: UInt16($0.port), lastSeen: .max) }
            var generated: [PeerAddress] = []
            for index in 0..<12_000 {
                let (high, low) = (UInt8(1 + index / 250), UInt8(1 + index % 250))
                generated.append(PeerAddress(ip: IPAddress(127, 7, high, low), port: 9333, lastSeen: .max))
            }
            var attackers: [HostilePeer] = []
            for index in 1...4 {
                let attacker = try await HostilePeer(
                    port: nodePort, source: "127.7.200.\(index)", group: group,
                    crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "eclipse/attacker/\(index)")), version: version)
                #expect(try await attacker.handshake() == .established)
                let share = listenerAddresses + generated[((index - 1) * 3_000)..<(index * 3_000)]
                for batch in stride(from: 0, to: share.count, by: WireLimits.addresses) {
                    try await attacker.send(.addr(AddrMessage(addresses: Array(share[batch..<min(batch + WireLimits.addresses, share.count)]))))
                }
                // The node handles a peer's frames in order: its pong means the flood is in.
                try await attacker.send(.ping(PingMessage(nonce: UInt64(index))))
                #expect(try await attacker.pong(nonce: UInt64(index)))
                attackers.append(attacker)
            }

            let manager = try #require(await node.manager)
            let book = await manager.addressBook
            let attackerEntries = book.entries.filter { AddressBook.group(of: $0.ip) == Self.attackerGroup }
            let attackerBucket = book.bucket(of: IPAddress(127, 7, 0, 1))
            // The secret may hash an honest address into the attackers' bucket (about 1 run in
            // 20); the flood fills the rest of that bucket and nothing else.
            let sharing = book.entries.filter {
                book.bucket(of: $0.ip) == attackerBucket && AddressBook.group(of: $0.ip) != Self.attackerGroup
            }.count
            #expect(attackerEntries.count == book.bucketSize - sharing)
            #expect(book.bucketsHolding(group: Self.attackerGroup) == 1)
            // Honest addresses stay, unless the secret happened to put one in the attackers' bucket.
            let entries = Set(book.entries.map(\.description))
            for address in honestAddresses {
                let ip = try #require(Self.ip(address))
                if book.bucket(of: ip) != attackerBucket { #expect(entries.contains(address), "\(address) was pushed out") }
            }

            // Five slots free and sixteen attacker addresses in the book: the node dials the group
            // (refused addresses back off, the next is tried) until one link to a listener holds,
            // and never holds a second, tick after tick.
            #expect(await Self.eventually { await Self.outbound(node).filter(Self.isAttacker).count == 1 })
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(500))
                #expect(await Self.outbound(node).filter(Self.isAttacker).count == 1)
            }
            #expect(await Self.outbound(node).isSuperset(of: honestAddresses))
            let anchorsNow = await manager.addressBook.anchors.map(\.description)
            #expect(anchorsNow.filter(Self.isAttacker).count == 1)
            #expect(Set(anchorsNow).isSuperset(of: honestAddresses))

            // Stop: the book goes to disk, the honest peers and one attacker its anchors.
            await node.stop()
            for attacker in attackers { await attacker.close() }
            guard case let .book(saved) = AddressBookFile.load(path: bookPath) else {
                Issue.record("no readable address book at \(bookPath) after the stop")
                return
            }
            let anchors = saved.anchors.map(\.description)
            #expect(anchors.count == 4)
            #expect(anchors.filter(Self.isAttacker).count == 1)
            #expect(Set(anchors).isSuperset(of: honestAddresses))
            #expect(saved.entries.filter { AddressBook.group(of: $0.ip) == Self.attackerGroup }.count <= saved.bucketSize)
            #expect(saved.bucketsHolding(group: Self.attackerGroup) == 1)
            #expect(await Self.eventually { await honest.asyncAllSatisfy { await $0.peers().isEmpty } })

            // Restart with no configured peers: the first dials are the anchors, newest first; the
            // attackers' group, reached through its anchor, gets no other dial.
            let lines = LogLines()
            var capturing = Logger(label: "eclipse.node") { _ in LogCapture(lines: lines) }
            capturing.logLevel = .debug
            let restarted = P2PService(ledger: ledger, params: params, host: "127.0.0.1", port: 0, peers: [], maxPeers: 16,
                                       outboundTarget: 8, addressBookPath: bookPath, identity: try DevChain.key(label: "eclipse/node"),
                                       logger: capturing)
            teardown.add { await restarted.stop() }
            try await restarted.start()
            #expect(await Self.eventually { await Self.outbound(restarted).isSuperset(of: honestAddresses) })
            // A few more ticks, in which a wrong dialler would reach for the attackers' bucket.
            try await Task.sleep(for: .seconds(3))
            let dials = lines.all.compactMap { line -> String? in
                guard line.hasPrefix("p2p: dialling "), line.hasSuffix(" from the address book") else { return nil }
                return String(line.dropFirst("p2p: dialling ".count).dropLast(" from the address book".count))
            }
            #expect(Array(dials.prefix(anchors.count)) == anchors)
            #expect(dials.filter(Self.isAttacker).count == 1)
            #expect(await Self.outbound(restarted).filter(Self.isAttacker).count <= 1)

            await restarted.stop()
            for service in honest { await service.stop() }
            for listener in listeners { await listener.close() }
            try await group.shutdownGracefully()
        }
    }

    /// A dev-chain ledger over an empty in-memory store.
    static func ledger(_ params: ChainParams) throws -> Ledger {
        let clock: @Sendable () -> Int64 = { 2_000_000_000 }
        let engine = try ConsensusEngineFactory.make(params: params)
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: engine, licences: FakeLicenceEngine(), clock: clock)
        return Ledger(chain: chain, mempool: Mempool(chain: chain), clock: clock)
    }

    static func quietLogger(_ name: String) -> Logger {
        var logger = Logger(label: "eclipse.\(name)")
        logger.logLevel = .error
        return logger
    }

    /// The outbound links of `service`, as `host:port`.
    static func outbound(_ service: P2PService) async -> Set<String> {
        Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address))
    }

    static func ip(_ address: String) -> IPAddress? {
        let parts = address.split(separator: ":").first?.split(separator: ".").compactMap { UInt8($0) } ?? []
        return parts.count == 4 ? IPAddress(parts[0], parts[1], parts[2], parts[3]) : nil
    }

    /// Polls `condition` every 50 ms until it holds or 30 s pass; returns its last value.
    static func eventually(_ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }
}

/// An attacker's listener: it accepts connections, counts them, and answers each with a real
/// responder handshake (its own identity), so a node that dials it gets a working link.
final class AttackerListener: Sendable {
    let channel: any Channel
    let ip: IPAddress
    let port: Int
    private let count: Counter

    init(host: String, group: any EventLoopGroup, identity: PrivateKey, version: VersionMessage) async throws {
        let count = Counter()
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                count.value.add(1, ordering: .relaxed)
                let session = PeerSession(role: .responder, crypto: FolioPeerCrypto(identityKey: identity),
                                          magic: version.magic, localVersion: version)
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(Responder(session: session, magic: version.magic))
                }
            }
            .bind(host: host, port: 0).get()
        let parts = host.split(separator: ".").compactMap { UInt8($0) }
        ip = IPAddress(parts[0], parts[1], parts[2], parts[3])
        port = channel.localAddress?.port ?? 0
        self.count = count
    }

    /// Connections accepted so far.
    var accepted: Int { count.value.load(ordering: .relaxed) }

    func close() async { try? await channel.close() }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Runs one connection's session on its event loop: handshake, then reads and ignores.
    private final class Responder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        var session: PeerSession
        var parser: FrameParser
        let magic: NetworkMagic

        init(session: PeerSession, magic: NetworkMagic) {
            self.session = session
            self.magic = magic
            parser = FrameParser(magic: magic)
        }

        func channelActive(context: ChannelHandlerContext) {
            write(session.start(), context: context)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            parser.append(buffer.readBytes(length: buffer.readableBytes) ?? [])
            while let frame = try? parser.next() { write(session.receive(frame), context: context) }
        }

        private func write(_ outputs: [SessionOutput], context: ChannelHandlerContext) {
            for case let .send(frame, _) in outputs {
                context.write(wrapOutboundOut(ByteBuffer(bytes: frame.bytes(magic: magic))), promise: nil)
            }
            context.flush()
        }
    }
}

extension HostilePeer {
    /// Reads messages until a pong with `nonce`; false if the socket closed first.
    func pong(nonce: UInt64) async throws -> Bool {
        while let message = try await nextMessage() {
            if case let .pong(pong) = message, pong.nonce == nonce { return true }
        }
        return false
    }
}

extension Sequence where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }

    func asyncAllSatisfy(_ predicate: (Element) async -> Bool) async -> Bool {
        for element in self where !(await predicate(element)) { return false }
        return true
    }
}


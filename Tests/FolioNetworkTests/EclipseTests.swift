import FolioChain
import FolioCore
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
/// disk) with thousands of addresses of their group. The group ends up in one bucket of the
/// book at most, honest addresses of other groups stay, and after a restart the node dials its
/// anchors (the honest peers it had dialled) before anything else and reconnects to them.
@Suite(.serialized, .timeLimit(.minutes(3))) struct EclipseTests {
    /// The attackers' network group.
    static let attackerGroup: [UInt8] = [4, 127, 7]

    @Test func oneSlashSixteenFloodingAddressesHoldsOneBucketAndTheAnchorsAreRedialledFirst() async throws {
        let directory = try TemporaryDirectory(prefix: "folio-eclipse")
        defer { directory.remove() }
        let bookPath = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        let params = try DevChain.params()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

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
        // Attacker listeners: any connection the node makes to the attackers is counted.
        let listeners = try await (1...4).asyncMap { try await AcceptCounter(host: "127.7.0.\($0)", group: group) }

        // The node: configured with the honest peers, holding three outbound links.
        let ledger = try Self.ledger(params)
        let node = P2PService(ledger: ledger, params: params, host: "127.0.0.1", port: 0, peers: honestAddresses, maxPeers: 16,
                              outboundTarget: 3, addressBookPath: bookPath, identity: try DevChain.key(label: "eclipse/node"),
                              logger: Self.quietLogger("node"))
        let nodePort = try await node.start()
        #expect(await Self.eventually { await Self.outbound(node) == Set(honestAddresses) })

        // Four attackers connect from four addresses of their /16 and send 3,000 addresses each
        // (every one of their /16, last seen in the future), the listeners' among them.
        let version = VersionMessage(protocolVersion: PeerProtocol.version, chainId: params.chainId, genesis: params.genesisId,
                                     bestHeight: 0, listenPort: 9333, userAgent: "eclipse")
        var flood = listeners.map { PeerAddress(ip: $0.ip, port: UInt16($0.port), lastSeen: .max) }
        for index in 0..<12_000 {
            flood.append(PeerAddress(ip: IPAddress(127, 7, UInt8(1 + index / 250), UInt8(1 + index % 250)), port: 9333, lastSeen: .max))
        }
        var attackers: [HostilePeer] = []
        for index in 1...4 {
            let attacker = try await HostilePeer(
                port: nodePort, source: "127.7.200.\(index)", group: group,
                crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "eclipse/attacker/\(index)")), version: version)
            #expect(try await attacker.handshake() == .established)
            let share = flood[((index - 1) * 3_000)..<(index * 3_000)] + (index == 1 ? [] : flood.prefix(4))
            for batch in stride(from: share.startIndex, to: share.endIndex, by: WireLimits.addresses) {
                let addresses = Array(share[batch..<min(batch + WireLimits.addresses, share.endIndex)])
                try await attacker.send(.addr(AddrMessage(addresses: addresses)))
            }
            // The node handles a peer's frames in order: its pong means the floods are in.
            try await attacker.send(.ping(PingMessage(nonce: UInt64(index))))
            #expect(try await attacker.pong(nonce: UInt64(index)))
            attackers.append(attacker)
        }

        let manager = try #require(await node.manager)
        let book = await manager.addressBook
        let attackerEntries = book.entries.filter { AddressBook.group(of: $0.ip) == Self.attackerGroup }
        // The flood reached the book, and filled no more than the one bucket the design allows.
        #expect(attackerEntries.count == book.bucketSize)
        #expect(book.bucketsHolding(group: Self.attackerGroup) == 1)
        // Honest addresses stay, unless the secret happened to put one in the attackers' bucket.
        let attackerBucket = book.bucket(of: IPAddress(127, 7, 0, 1))
        let entries = Set(book.entries.map(\.description))
        for address in honestAddresses {
            let ip = try #require(Self.ip(address))
            if book.bucket(of: ip) != attackerBucket { #expect(entries.contains(address), "\(address) was pushed out") }
        }
        #expect(Set(book.anchors.map(\.description)) == Set(honestAddresses))
        #expect(listeners.allSatisfy { $0.accepted == 0 })

        // Stop: the book goes to disk with the honest peers as anchors.
        await node.stop()
        for attacker in attackers { await attacker.close() }
        guard case let .book(saved) = AddressBookFile.load(path: bookPath) else {
            Issue.record("no readable address book at \(bookPath) after the stop")
            return
        }
        let anchors = saved.anchors.map(\.description)
        #expect(Set(anchors) == Set(honestAddresses))
        #expect(saved.entries.filter { AddressBook.group(of: $0.ip) == Self.attackerGroup }.count <= saved.bucketSize)
        #expect(saved.bucketsHolding(group: Self.attackerGroup) == 1)
        #expect(await Self.eventually { await honest.asyncAllSatisfy { await $0.peers().isEmpty } })

        // Restart with no configured peers: the first dials are the anchors, newest first, and
        // with them the outbound target is met, so no attacker address is dialled.
        let lines = EclipseLogLines()
        var capturing = Logger(label: "eclipse.node") { _ in EclipseLogCapture(lines: lines) }
        capturing.logLevel = .debug
        let restarted = P2PService(ledger: ledger, params: params, host: "127.0.0.1", port: 0, peers: [], maxPeers: 16,
                                   outboundTarget: 3, addressBookPath: bookPath, identity: try DevChain.key(label: "eclipse/node"),
                                   logger: capturing)
        try await restarted.start()
        #expect(await Self.eventually { await Self.outbound(restarted) == Set(honestAddresses) })
        // A few more ticks, in which a wrong dialler would reach for the attackers' bucket.
        try await Task.sleep(for: .seconds(3))
        let dials = lines.all.compactMap { line -> String? in
            guard line.hasPrefix("p2p: dialling "), line.hasSuffix(" from the address book") else { return nil }
            return String(line.dropFirst("p2p: dialling ".count).dropLast(" from the address book".count))
        }
        #expect(dials == anchors)
        #expect(listeners.allSatisfy { $0.accepted == 0 })
        #expect(await Self.outbound(restarted) == Set(honestAddresses))

        await restarted.stop()
        for service in honest { await service.stop() }
        for listener in listeners { await listener.close() }
        try await group.shutdownGracefully()
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

/// A TCP listener that accepts connections, counts them and says nothing.
final class AcceptCounter: Sendable {
    let channel: any Channel
    let ip: IPAddress
    let port: Int
    private let count: Counter

    init(host: String, group: any EventLoopGroup) async throws {
        let count = Counter()
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                count.value.add(1, ordering: .relaxed)
                return child.eventLoop.makeSucceededVoidFuture()
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

/// Log messages kept for assertions, in order.
final class EclipseLogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A log handler that keeps every message.
struct EclipseLogCapture: LogHandler {
    let lines: EclipseLogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { lines.append("\(event.message)") }
}

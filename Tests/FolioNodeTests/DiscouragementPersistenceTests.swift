import FolioCore
import FolioPeer
import FolioTestSupport
import FolioWire
import Foundation
import Logging
import NIOPosix
import Testing
@testable import FolioNode

/// Discouragements kept across a restart, over real loopback sockets with a real service and
/// data directory: a peer that misbehaves is refused by the restarted node too. Loopback is
/// not spared here (it is by default: every local process shares 127.0.0.1).
@Suite(.serialized) struct DiscouragementPersistenceTests {
    static func service(_ ledger: Ledger, path: String) async throws -> (P2PService, Int) {
        var logger = Logger(label: "p2p-test.discouraging")
        logger.logLevel = .error
        let service = P2PService(ledger: ledger, params: ledger.chain.params, host: "127.0.0.1", port: 0, peers: [], maxPeers: 8,
                                 outboundTarget: 0, discouragementPath: path, identity: try DevChain.key(label: "p2p-test/keeper"),
                                 logger: logger)
        await service.setSparesLoopback(false)
        await service.setDiscouragementSaveDelay(millis: 50)
        return (service, try await service.start())
    }

    static func hostile(_ port: Int, params: ChainParams, group: MultiThreadedEventLoopGroup) async throws -> HostilePeer {
        let version = VersionMessage(protocolVersion: 1, chainId: params.chainId, genesis: params.genesisId, bestHeight: 0,
                                     listenPort: 0, userAgent: "hostile")
        return try await HostilePeer(port: port, group: group, crypto: FolioPeerCrypto(identityKey: try DevChain.key(label: "hostile")),
                                     version: version)
    }

    static func keeps(_ ip: IPAddress, at path: String) -> Bool {
        guard case let .entries(entries) = DiscouragementFile.load(path: path, nowUnixMillis: P2PHarness.clock() * 1000) else { return false }
        return entries.contains { $0.ip == ip }
    }

    @Test func aDiscouragedAddressIsStillRefusedAfterARestart() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        try await TemporaryDirectory.with(prefix: "folio-discouraged") { directory, teardown in
            let path = directory.url.appendingPathComponent(DiscouragementFile.fileName).path
            let params = try P2PHarness.devParams()
            let ledger = try P2PHarness.ledger(params)
            let loopback = IPAddress(127, 0, 0, 1)

            let (first, port) = try await Self.service(ledger, path: path)
            teardown.add { await first.stop() }
            // Welcome at first; then a frame of no known type after the handshake is misbehaviour.
            let offender = try await Self.hostile(port, params: params, group: group)
            #expect(try await offender.handshake() == .established)
            try await offender.sendUnchecked(type: 0xEE, payload: [1, 2, 3])
            #expect(await offender.closedByNode())
            // Written soon after the offence (the save waits 50 ms here), not only at stop.
            #expect(await P2PHarness.eventually { Self.keeps(loopback, at: path) })
            let refusedBeforeRestart = try await Self.hostile(port, params: params, group: group)
            #expect(try await refusedBeforeRestart.handshake() != .established)
            await first.stop()

            let (second, secondPort) = try await Self.service(ledger, path: path)
            teardown.add { await second.stop() }
            let afterRestart = try await Self.hostile(secondPort, params: params, group: group)
            #expect(try await afterRestart.handshake() != .established)
            #expect(await afterRestart.closedByNode())
            await second.stop()
            // The stop wrote the list again: still there, still in force.
            #expect(Self.keeps(loopback, at: path))

            // Without the file the same start lets the address in: the file is what refused it.
            try FileManager.default.removeItem(atPath: path)
            let (third, thirdPort) = try await Self.service(ledger, path: path)
            teardown.add { await third.stop() }
            let welcome = try await Self.hostile(thirdPort, params: params, group: group)
            #expect(try await welcome.handshake() == .established)
            await welcome.close()
            await third.stop()
            // Nobody discouraged in that run: no file is made.
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// A damaged list is logged and ignored as a whole: the node starts, lets peers in, and
    /// replaces the file at stop.
    @Test func aDamagedListIsIgnoredAndTheNodeStarts() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { Task { try? await group.shutdownGracefully() } }
        try await TemporaryDirectory.with(prefix: "folio-discouraged") { directory, teardown in
            let path = directory.url.appendingPathComponent(DiscouragementFile.fileName).path
            var bytes = DiscouragementSnapshot.encode([Discouragement(ip: IPAddress(127, 0, 0, 1), untilUnixMillis: .max)],
                                                      nowUnixMillis: 0)
            bytes[14] ^= 0x80
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let params = try P2PHarness.devParams()
            let (service, port) = try await Self.service(try P2PHarness.ledger(params), path: path)
            teardown.add { await service.stop() }
            let peer = try await Self.hostile(port, params: params, group: group)
            #expect(try await peer.handshake() == .established)
            await peer.close()
            await service.stop()
            // The stop replaced the damaged file with the list in force: empty, and readable.
            guard case let .entries(entries) = DiscouragementFile.load(path: path, nowUnixMillis: 0) else {
                Issue.record("the damaged list was not replaced at stop")
                return
            }
            #expect(entries.isEmpty)
        }
    }
}

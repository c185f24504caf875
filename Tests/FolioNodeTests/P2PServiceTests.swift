import FolioCore
import FolioTestSupport
import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization
import Testing
@testable import FolioNode

/// The peer-to-peer service over real loopback TCP: dev-chain ledgers, services on port 0
/// dialling each other. Deadlines are generous polls, never timings.
@Suite(.serialized) struct P2PServiceTests {
    @Test func aBlockProducedOnOneNodeReachesPeersAndTheirPeers() async throws {
        let params = try P2PHarness.devParams()
        let (a, b, c) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceB, portB) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"])
        // C hears of A's block only through B's relay.
        let (serviceC, _) = try await P2PHarness.service(c, name: "c", peers: ["localhost:\(portB)"])
        defer { Task { await serviceA.stop(); await serviceB.stop(); await serviceC.stop() } }
        #expect(await P2PHarness.eventually {
            let (linksB, linksC) = (await serviceB.peers().count, await serviceC.peers().count)
            return linksB == 2 && linksC == 1
        })

        let block = try await P2PHarness.produce(on: a)
        #expect(await P2PHarness.eventually {
            let (tipB, tipC) = (await b.chain.tip.id, await c.chain.tip.id)
            return tipB == block.id && tipC == block.id
        })
        let second = try await P2PHarness.produce(on: a)
        #expect(await P2PHarness.eventually { await c.chain.tip.id == second.id })
        #expect(await serviceA.peers().map(\.direction) == ["inbound"])
        #expect(await serviceB.peers().map(\.direction).sorted() == ["inbound", "outbound"])
    }

    @Test func aNodeStartedLateCatchesUpByHeaderFirstSync() async throws {
        let params = try P2PHarness.devParams()
        let (a, late) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        for _ in 0..<30 { try await P2PHarness.produce(on: a) }
        let tip = await a.chain.tip
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceLate, _) = try await P2PHarness.service(late, name: "late", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceA.stop(); await serviceLate.stop() } }

        #expect(await P2PHarness.eventually { await late.chain.tip == tip })
        let progress = await serviceLate.progress()
        #expect(progress.knownHeight == 30)
        #expect(progress.validatedHeight == 30)
        #expect(progress.peerCount == 1)
        #expect(await serviceLate.peers().first?.height == 30)
    }

    @Test func catchingUpSpansSeveralHeaderBatches() async throws {
        let params = try P2PHarness.devParams()
        let (a, late) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        // More than one full `headers` batch (2,000), so the next `getheaders` must use a
        // locator over headers still waiting for their bodies.
        for _ in 0..<2_050 { try await P2PHarness.produce(on: a) }
        let tip = await a.chain.tip
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceLate, _) = try await P2PHarness.service(late, name: "late", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceA.stop(); await serviceLate.stop() } }

        #expect(await P2PHarness.eventually(within: 120) { await late.chain.tip == tip })
        #expect(await serviceLate.progress().knownHeight == 2_050)
    }

    @Test func aTransactionSubmittedOnOneNodeReachesAPeersMempool() async throws {
        let params = try P2PHarness.devParams()
        let (a, b) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceB, _) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceA.stop(); await serviceB.stop() } }
        #expect(await P2PHarness.eventually { await serviceA.peers().count == 1 })

        let transaction = try P2PHarness.transfer(from: 0, to: 1)
        _ = try await a.submit(transaction, local: true)
        #expect(await P2PHarness.eventually { await b.mempool.contains(transaction.id) })
    }

    @Test func aPeerWithAnotherGenesisIsRefused() async throws {
        let a = try P2PHarness.ledger(try P2PHarness.devParams())
        let stranger = try P2PHarness.ledger(try P2PHarness.otherGenesisParams())
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceStranger, _) = try await P2PHarness.service(stranger, name: "stranger", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceA.stop(); await serviceStranger.stop() } }

        // Both sides get as far as the version exchange (frame type 3: only the genesis
        // differs), and the stranger's redial (after its backoff) is refused the same way.
        #expect(await P2PHarness.eventually {
            let (seenByA, seenByStranger) = (await serviceA.framesReceived(type: 3), await serviceStranger.framesReceived(type: 3))
            return seenByA >= 2 && seenByStranger >= 2
        })
        try await P2PHarness.produce(on: a)
        #expect(await serviceA.peers().isEmpty)
        #expect(await serviceStranger.peers().isEmpty)
        #expect(await serviceA.progress().peerCount == 0)
        #expect(await stranger.chain.tip.height == 0)
    }

    @Test func aDroppedLinkIsRedialled() async throws {
        let params = try P2PHarness.devParams()
        let (a, b) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
        let (serviceB, _) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceB.stop() } }
        #expect(await P2PHarness.eventually { await serviceB.peers().count == 1 })

        await serviceA.stop()
        #expect(await P2PHarness.eventually { await serviceB.peers().isEmpty })
        // A comes back on the same port (retried: the old listener may take a moment to close).
        var restarted: P2PService?
        _ = await P2PHarness.eventually {
            guard let (service, _) = try? await P2PHarness.service(a, name: "a", port: portA) else { return false }
            restarted = service
            return true
        }
        let serviceA2 = try #require(restarted)
        defer { Task { await serviceA2.stop() } }
        #expect(await P2PHarness.eventually { await serviceB.peers().count == 1 })
        let block = try await P2PHarness.produce(on: a)
        #expect(await P2PHarness.eventually { await b.chain.tip.id == block.id })
    }

    @Test func twoNodesDiallingEachOtherSettleOnOneLinkWithoutChurn() async throws {
        let params = try P2PHarness.devParams()
        let (a, b) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let portA = try await FreePort.pick(host: "127.0.0.1", group: .singletonMultiThreadedEventLoopGroup)
        let portB = try await FreePort.pick(host: "127.0.0.1", group: .singletonMultiThreadedEventLoopGroup)
        let (serviceA, _) = try await P2PHarness.service(a, name: "a", peers: ["127.0.0.1:\(portB)"], port: portA)
        let (serviceB, _) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"], port: portB)
        defer { Task { await serviceA.stop(); await serviceB.stop() } }
        #expect(await P2PHarness.eventually {
            let (linksA, linksB) = (await serviceA.peers().count, await serviceB.peers().count)
            return linksA == 1 && linksB == 1
        })
        // Once linked, neither side keeps dialling the other (a dial would show as a `hello`, type 1).
        try await Task.sleep(for: .seconds(1))
        let hellos = (await serviceA.framesReceived(type: 1), await serviceB.framesReceived(type: 1))
        try await Task.sleep(for: .seconds(3))
        #expect(await serviceA.framesReceived(type: 1) == hellos.0)
        #expect(await serviceB.framesReceived(type: 1) == hellos.1)
        #expect(await serviceA.peers().count == 1)
        let block = try await P2PHarness.produce(on: b)
        #expect(await P2PHarness.eventually { await a.chain.tip.id == block.id })
    }

    @Test func theServiceLogsWhereItListens() async throws {
        let lines = LogLines()
        let logger = Logger(label: "p2p-test.log") { _ in LogCapture(lines: lines) }
        let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
        let service = P2PService(ledger: ledger, params: ledger.chain.params, host: "127.0.0.1", port: 0, peers: ["nonsense"],
                                 maxPeers: 8, identity: try DevChain.key(label: "p2p-test/log"), logger: logger)
        let port = try await service.start()
        await service.stop()
        #expect(lines.all.contains("p2p: listening on 127.0.0.1:\(port)"))
        #expect(lines.all.contains { $0.contains("ignoring peer \"nonsense\"") })
    }

    @Test func gracefulShutdownOfTheServiceGroupClosesPeers() async throws {
        let params = try P2PHarness.devParams()
        let (a, b) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        var logger = Logger(label: "p2p-test.group")
        logger.logLevel = .warning
        let serviceA = P2PService(ledger: a, params: params, host: "127.0.0.1", port: 0, peers: [], maxPeers: 8,
                                  identity: try DevChain.key(label: "p2p-test/group-a"), logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [serviceA], logger: logger))
        let running = Task { try await group.run() }
        #expect(await P2PHarness.eventually { await serviceA.boundPort != nil })
        let portA = try #require(await serviceA.boundPort)
        let (serviceB, _) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"])
        defer { Task { await serviceB.stop() } }
        #expect(await P2PHarness.eventually { await serviceB.peers().count == 1 })

        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await P2PHarness.eventually { await serviceB.peers().isEmpty })
    }
}


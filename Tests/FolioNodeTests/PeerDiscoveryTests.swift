import FolioPeer
import FolioTestSupport
import Foundation
import Logging
import Testing
@testable import FolioNode

/// Address-book dialling over real loopback TCP with real services: a node learns a peer's
/// address through `addr` and dials it, keeps its book in its data directory, and after a
/// restart with no configured peers reconnects to its anchors. Deadlines are generous polls.
@Suite(.serialized) struct PeerDiscoveryTests {
    /// The outbound links of `service`, as `host:port`.
    static func outbound(_ service: P2PService) async -> Set<String> {
        Set(await service.peers().filter { $0.direction == "outbound" }.map(\.address))
    }

    /// The services that write the book are stopped (awaited, through the teardown) before the
    /// directory is removed: a stop left to a `Task` in a `defer` could write it afterwards.
    @Test func aNodeDialsAnAddressItLearnedAndRedialsItsAnchorsAfterARestart() async throws {
        try await TemporaryDirectory.with(prefix: "folio-discovery") { directory, teardown in
            let bookPath = directory.url.appendingPathComponent(AddressBookFile.fileName).path
            let params = try P2PHarness.devParams()
            let (a, b, c) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params), try P2PHarness.ledger(params))
            let (serviceA, portA) = try await P2PHarness.service(a, name: "a", outboundTarget: 8)
            teardown.add { await serviceA.stop() }
            let (serviceB, portB) = try await P2PHarness.service(b, name: "b", peers: ["127.0.0.1:\(portA)"], outboundTarget: 8)
            teardown.add { await serviceB.stop() }
            #expect(await P2PHarness.eventually { await Self.outbound(serviceB) == ["127.0.0.1:\(portA)"] })

            // C is told only of B; it hears of A through B's `addr` answer and dials it.
            let (serviceC, _) = try await P2PHarness.service(c, name: "c", peers: ["127.0.0.1:\(portB)"], outboundTarget: 8,
                                                            addressBookPath: bookPath)
            teardown.add { await serviceC.stop() }
            #expect(await P2PHarness.eventually { await Self.outbound(serviceC) == ["127.0.0.1:\(portA)", "127.0.0.1:\(portB)"] })
            // A block made on A reaches C over its own link too (C's link to B proves nothing new).
            let block = try await P2PHarness.produce(on: a)
            #expect(await P2PHarness.eventually { await c.chain.tip.id == block.id })
            await serviceC.stop()
            // The stop wrote the book: A and B are its anchors, A (the later handshake) first.
            guard case let .book(saved) = AddressBookFile.load(path: bookPath) else {
                Issue.record("no readable address book at \(bookPath) after the stop")
                return
            }
            #expect(saved.anchors.map(\.description) == ["127.0.0.1:\(portA)", "127.0.0.1:\(portB)"])
            #expect(await P2PHarness.eventually {
                let (linksA, linksB) = (await serviceA.peers().count, await serviceB.peers().count)
                return linksA == 1 && linksB == 1
            })

            // Restarted with its data directory and no configured peers, C dials its anchors.
            let (restarted, _) = try await P2PHarness.service(c, name: "c", outboundTarget: 8, addressBookPath: bookPath)
            teardown.add { await restarted.stop() }
            #expect(await P2PHarness.eventually { await Self.outbound(restarted) == ["127.0.0.1:\(portA)", "127.0.0.1:\(portB)"] })
            #expect(await P2PHarness.eventually {
                let (linksA, linksB) = (await serviceA.peers().count, await serviceB.peers().count)
                return linksA == 2 && linksB == 2
            })
        }
    }

    /// The book is written while the node runs, not only at stop (the interval is shortened
    /// from 60 s to 200 ms here).
    @Test func theBookIsWrittenWhileTheNodeRuns() async throws {
        try await TemporaryDirectory.with(prefix: "folio-discovery") { directory, teardown in
            let bookPath = directory.url.appendingPathComponent(AddressBookFile.fileName).path
            let params = try P2PHarness.devParams()
            let (a, c) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
            let (serviceA, portA) = try await P2PHarness.service(a, name: "a")
            teardown.add { await serviceA.stop() }
            var logger = Logger(label: "p2p-test.saver")
            logger.logLevel = .warning
            let serviceC = P2PService(ledger: c, params: params, host: "127.0.0.1", port: 0, peers: ["127.0.0.1:\(portA)"],
                                      maxPeers: 8, addressBookPath: bookPath, identity: try DevChain.key(label: "p2p-test/c"),
                                      logger: logger)
            await serviceC.setAddressBookSaveInterval(millis: 200)
            teardown.add { await serviceC.stop() }
            try await serviceC.start()
            #expect(await P2PHarness.eventually {
                guard case let .book(book) = AddressBookFile.load(path: bookPath) else { return false }
                return book.anchors.map(\.description) == ["127.0.0.1:\(portA)"]
            })
        }
    }

    @Test func aCorruptAddressBookIsReportedAndTheNodeStartsWithAnEmptyOne() async throws {
        try await TemporaryDirectory.with(prefix: "folio-discovery") { directory, teardown in
            let bookPath = directory.url.appendingPathComponent(AddressBookFile.fileName).path
            try Data("not an address book, just some bytes that went wrong".utf8).write(to: URL(fileURLWithPath: bookPath))
            let lines = LogLines()
            let logger = Logger(label: "p2p-test.corrupt") { _ in LogCapture(lines: lines) }
            let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
            let (service, _) = try await P2PHarness.service(ledger, name: "corrupt", outboundTarget: 8, addressBookPath: bookPath,
                                                            logger: logger)
            teardown.add { await service.stop() }
            await service.stop()
            #expect(lines.all.contains(
                "p2p: ignoring the address book \(bookPath): not an address book (wrong magic); starting with an empty book"))
            // The stop wrote a fresh (empty) book over the damaged one.
            let loaded = AddressBookFile.load(path: bookPath)
            guard case let .book(book) = loaded else {
                Issue.record("expected a readable book after the stop, got \(loaded)")
                return
            }
            #expect(book.count == 0)
            #expect(book.anchors.isEmpty)
        }
    }
}

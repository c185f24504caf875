import FolioAPI
import FolioCore
import FolioWire
import Foundation
import Testing
@testable import FolioNode

@Suite struct PeerFilterTests {
    @Test func entriesParseAndResolveToListenAddresses() throws {
        let filter = try PeerFilter(entries: ["127.0.0.1:19401", " localhost:19403 "], maxEntries: 8)
        #expect(filter.blockedNames == ["127.0.0.1:19401", "localhost:19403"])
        #expect(filter.blocks(PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 19_401)))
        #expect(filter.blocks(PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 19_403)))
        #expect(!filter.blocks(PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 19_405)))
        #expect(PeerFilter().isEmpty)
    }

    @Test(arguments: [
        ("nonsense", PeerFilterError.malformed("nonsense")),
        ("127.0.0.1:0", PeerFilterError.malformed("127.0.0.1:0")),
        ("127.0.0.1:70000", PeerFilterError.malformed("127.0.0.1:70000")),
        (":19401", PeerFilterError.malformed(":19401")),
    ])
    func malformedEntriesAreRefused(entry: String, expected: PeerFilterError) {
        #expect(throws: expected) { try PeerFilter(entries: [entry], maxEntries: 8) }
    }

    @Test func tooManyEntriesAreRefused() {
        let entries = (1...3).map { "127.0.0.1:\(19_400 + $0)" }
        #expect(throws: PeerFilterError.tooMany(3, max: 2)) { try PeerFilter(entries: entries, maxEntries: 2) }
    }
}

@Suite struct NetFilterRPCTests {
    /// Records what `net_filter` sets.
    actor FakeControl: PeerFilterControl {
        var filter = PeerFilter()
        func setPeerFilter(_ entries: [String]) async throws(PeerFilterError) -> NetFilterResult {
            filter = try PeerFilter(entries: entries, maxEntries: NetFilterParams.maxBlocked)
            return NetFilterResult(blocked: filter.blockedNames, dropped: 0)
        }
        func peerFilterStatus() async -> NetFilterResult { NetFilterResult(blocked: filter.blockedNames, dropped: 0) }
    }

    private func call(_ dispatcher: RPCDispatcher, _ params: String?) async throws -> [String: Any] {
        let body = #"{"jsonrpc":"2.0","method":"net_filter","id":1"# + (params.map { #","params":"# + $0 } ?? "") + "}"
        let reply = await dispatcher.handle(Data(body.utf8))
        let data = try #require(reply.body)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func dispatcher(_ control: (any PeerFilterControl)?) throws -> RPCDispatcher {
        RPCMethods.dispatcher(backend: GenesisBackend(params: try DevChain.params(), standalone: false), peerFilter: control)
    }

    @Test func setsReadsAndClearsTheFilter() async throws {
        let control = FakeControl()
        let dispatcher = try dispatcher(control)
        let set = try await call(dispatcher, #"{"blocked":["127.0.0.1:19403","127.0.0.1:19401"]}"#)
        #expect((set["result"] as? [String: Any])?["blocked"] as? [String] == ["127.0.0.1:19401", "127.0.0.1:19403"])
        let read = try await call(dispatcher, nil)
        #expect((read["result"] as? [String: Any])?["blocked"] as? [String] == ["127.0.0.1:19401", "127.0.0.1:19403"])
        let cleared = try await call(dispatcher, #"{"blocked":[]}"#)
        #expect((cleared["result"] as? [String: Any])?["blocked"] as? [String] == [])
        #expect(await control.filter.isEmpty)
    }

    @Test(arguments: [
        #"{"blocked":["not an address"]}"#,
        #"{"blocked":"127.0.0.1:19401"}"#,
        #"{"block":["127.0.0.1:19401"]}"#,
        #"{"blocked":[5]}"#,
    ])
    func badParametersAreInvalidParams(params: String) async throws {
        let control = FakeControl()
        let reply = try await call(try dispatcher(control), params)
        let error = try #require(reply["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32602)
        #expect((error["message"] as? String)?.isEmpty == false)
        #expect(await control.filter.isEmpty)
    }

    @Test func tooManyAddressesAreInvalidParams() async throws {
        let entries = (1...(NetFilterParams.maxBlocked + 1)).map { "\"127.0.0.1:\(10_000 + $0)\"" }.joined(separator: ",")
        let reply = try await call(try dispatcher(FakeControl()), #"{"blocked":["# + entries + "]}")
        #expect((reply["error"] as? [String: Any])?["code"] as? Int == -32602)
    }

    @Test func aNodeWithoutPeerToPeerAnswersUnavailable() async throws {
        let reply = try await call(try dispatcher(nil), #"{"blocked":[]}"#)
        #expect((reply["error"] as? [String: Any])?["code"] as? Int == -32001)
    }
}

@Suite struct P2PServiceFilterTests {
    @Test func blockingAPeerDropsItsLinkStopsRelayAndClearingRedials() async throws {
        let params = try P2PHarness.devParams()
        let (a, b) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let (serviceB, portB) = try await P2PHarness.service(b, name: "filter-b")
        let (serviceA, portA) = try await P2PHarness.service(a, name: "filter-a", peers: ["127.0.0.1:\(portB)"])
        defer { Task { await serviceA.stop(); await serviceB.stop() } }
        #expect(await P2PHarness.eventually {
            let (linksA, linksB) = (await serviceA.peers().count, await serviceB.peers().count)
            return linksA == 1 && linksB == 1
        })

        // A blocks B: its outbound link closes and it does not dial B again.
        _ = try await serviceA.setPeerFilter(["127.0.0.1:\(portB)"])
        #expect(await P2PHarness.eventually {
            let (linksA, linksB) = (await serviceA.peers().count, await serviceB.peers().count)
            return linksA == 0 && linksB == 0
        })
        _ = try await P2PHarness.produce(on: b)
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(await serviceA.peers().isEmpty)
        #expect(await a.chain.tip.height == 0)

        // B (same identity, another port) dials A while A blocks it: A closes the inbound
        // connection once B's handshake names it, every time B redials.
        _ = try await serviceB.setPeerFilter([])
        let (serviceC, _) = try await P2PHarness.service(b, name: "filter-b", peers: ["127.0.0.1:\(portA)"], port: 0)
        defer { Task { await serviceC.stop() } }
        #expect(await P2PHarness.eventually { await serviceA.framesReceived(type: MessageType.hello.rawValue) > 1 })
        #expect(await P2PHarness.eventually { await serviceA.peers().isEmpty })

        // Cleared: A dials B at once and catches up.
        let status = try await serviceA.setPeerFilter([])
        #expect(status.blocked.isEmpty)
        #expect(await P2PHarness.eventually { await a.chain.tip.height == 1 })
    }
}

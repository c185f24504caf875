import FolioWire
import Testing
@testable import FolioNetwork
@testable import FolioPeer

/// R7 of BENCHMARKS.md over real sockets: a peer that floods frames is cut off as misbehaving,
/// and one that floods addresses fills the address book only to its budget.
extension HostilePeerTests {
    /// 200 pings at once against a budget of 20 frames (and 10 a second after).
    @Test func aFrameFloodIsCutOffAsMisbehaviourWhileTheNodeKeepsServing() async throws {
        let node = try await target {
            $0.frameBurst = 20
            $0.framesPerSecond = 10
        }
        let peer = try await hostile(node)
        #expect(try await peer.handshake() == .established)
        for nonce in 0..<200 { try await peer.send(.ping(PingMessage(nonce: UInt64(nonce)))) }
        #expect(await peer.closedByNode())
        #expect(reasons(node) == [.misbehaviour])
        let detail = node.closures.entries.withLock { $0.first?.detail } ?? ""
        #expect(detail.contains("flood"), "detail: \(detail)")
        #expect(try await stillServes(node))
        try await finish(node)
    }

    /// 1,000 addresses in 1,000 different /16 groups: a node with the default budget keeps far
    /// more than 50 of them; a node whose budget is 50 keeps 50, and does not drop the peer.
    @Test func anAddressFloodFillsTheBookOnlyToThePeersBudget() async throws {
        let addresses = (0..<WireLimits.addresses).map { index in
            PeerAddress(ip: IPAddress(11 + UInt8(index / 250), UInt8(index % 250), 7, 1), port: 9333)
        }
        let open = try await target()
        let generous = try await hostile(open)
        #expect(try await generous.handshake() == .established)
        try await generous.send(.addr(AddrMessage(addresses: addresses)))

        let limited = try await target {
            $0.addressBurst = 50
            $0.addressesPerSecond = 1
        }
        let flooder = try await hostile(limited, seed: 10)
        #expect(try await flooder.handshake() == .established)
        try await flooder.send(.addr(AddrMessage(addresses: addresses)))

        var openCount = 0, limitedCount = 0
        for _ in 0..<250 where openCount <= 50 || limitedCount < 50 {
            try await Task.sleep(for: .milliseconds(20))
            openCount = await open.manager.addressBook.count
            limitedCount = await limited.manager.addressBook.count
        }
        #expect(openCount > 50)
        #expect(limitedCount == 50)
        #expect(reasons(limited).isEmpty)
        await open.network.shutdown()
        try await finish(limited)
    }
}

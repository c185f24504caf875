import FolioCore
import FolioCrypto
import FolioNode
import FolioTestSupport
import FolioWire
import NIOCore
import NIOPosix
import Testing
@testable import FolioNetwork
@testable import FolioPeer

/// R7 at the edge: sockets arriving faster than the manager decides on them are held only up
/// to the inbound cap plus `NetworkDefaults.pendingInboundSlack`; the rest are closed at accept.
extension HostilePeerTests {
    @Test func socketsPastTheCapAndTheSlackAreClosedAtAccept() async throws {
        let genesis = InMemoryPeerBlocks.genesis()
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 0)
        configuration.targetOutbound = 0
        configuration.maxInbound = 2
        let manager = PeerManager(configuration: configuration,
                                  crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 1, count: 32))),
                                  chain: InterceptedPeerChain(InMemoryPeerChain(genesis: genesis)) { call in
                                      // Every decision waits on the chain, as a busy node's does.
                                      if call == .status { try? await Task.sleep(for: .seconds(30)) }
                                  },
                                  addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
        let closures = ClosureLog()
        let network = PeerNetwork(manager: manager, group: group) { closure in closures.entries.withLock { $0.append(closure) } }
        let port = try await network.listen(host: "127.0.0.1", port: 0)

        // 40 sockets while the manager has decided on none: 2 + 32 are held, 6 closed at accept.
        var sockets: [any Channel] = []
        for _ in 0..<40 { sockets.append(try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()) }
        var refused = 0
        for _ in 0..<200 where refused < 6 {
            refused = await network.refusedAtAccept
            if refused < 6 { try? await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(refused == 6)
        #expect(await manager.peers.isEmpty)
        let details = closures.entries.withLock { $0.map(\.detail) }
        #expect(details.count == 6 && details.allSatisfy { $0.contains("inbound limit 2 reached") && $0.contains("refused at accept") })
        #expect(NetworkDefaults.pendingInboundSlack == 32)
        for socket in sockets { try? await socket.close() }
        try await finish(Target(manager: manager, network: network, port: port, closures: closures,
                                chain: InMemoryPeerChain(genesis: genesis), genesis: genesis))
    }
}

import FolioCore
import FolioTestSupport
import FolioWire
import Testing
@testable import FolioPeer

/// A new tip's header is relayed when its body arrives and matches the Merkle root, and the
/// relay must leave the node before the block's validation, not with its result: the manager
/// returns its actions only when an event is done, so validation is an event of its own
/// (`PeerAction.connectBlocks`). Before, the header went out after validation, and with
/// blocks of 320 transfers each hop cost one validation (B9's heard95 of 0.5-0.9 s).
@Suite struct RelayBeforeValidationTests {
    static let genesis = InMemoryPeerBlocks.genesis()
    static let blocks = InMemoryPeerBlocks.chain(after: genesis, count: 2)

    @Test func theHeaderGoesToTheOtherPeerBeforeTheChainSeesTheBody() async throws {
        let calls = CallLog()
        let chain = InterceptedPeerChain(InMemoryPeerChain(genesis: Self.genesis)) { await calls.note($0) }
        let manager = try Self.manager(chain)
        var first = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        var second = try await Remote.connect(manager, peer: 2, seed: 3, genesis: Self.genesis.id)
        let block = Self.blocks[0]

        let asked = await Remote.deliver(first.frames(.headers(HeadersMessage(headers: [block.header]))), from: 1, to: manager)
        #expect(first.messages(asked, peer: 1).contains(.getData(GetDataMessage(items: [InventoryItem(kind: .block, id: block.id)]))))
        _ = second.messages(asked, peer: 2)

        let arrived = await Remote.deliver(first.frames(.block(BlockMessage(block: block))), from: 1, to: manager)
        #expect(second.messages(arrived, peer: 2) == [.headers(HeadersMessage(headers: [block.header]))])
        #expect(arrived.last == .connectBlocks)
        #expect(await calls.count(.acceptBlock) == 0)
        #expect(await chain.inner.tip == Self.genesis.id)

        _ = await manager.handle(.connectBlocks, now: 0)
        #expect(await calls.count(.acceptBlock) == 1)
        #expect(await chain.inner.tip == block.id)
    }

    /// A second `.connectBlocks` while the first is still awaiting the chain returns at once;
    /// the running pass takes the body that arrived meanwhile, after the first, so the chain
    /// sees the blocks in height order. Two passes could each take a body and reach the chain
    /// in either order.
    @Test func oneConnectPassAtATimeAndItTakesLaterBodiesInOrder() async throws {
        let gate = Gate()
        let calls = CallLog()
        // Only the first block waits at the gate, so a second pass, if one started, would
        // reach the chain (and be counted) instead of hanging the test.
        let chain = InterceptedPeerChain(InMemoryPeerChain(genesis: Self.genesis)) { call in
            await calls.note(call)
            if call == .acceptBlock, await calls.count(.acceptBlock) == 1 { await gate.pass() }
        }
        let manager = try Self.manager(chain)
        var peer = try await Remote.connect(manager, peer: 1, seed: 2, genesis: Self.genesis.id)
        _ = await Remote.deliver(peer.frames(.headers(HeadersMessage(headers: Self.blocks.map(\.header)))), from: 1, to: manager)

        let firstBody = await Remote.deliver(peer.frames(.block(BlockMessage(block: Self.blocks[0]))), from: 1, to: manager)
        #expect(firstBody.contains(.connectBlocks))
        await gate.arm()
        async let firstPass = manager.handle(.connectBlocks, now: 0)
        #expect(await gate.waitForWaiters(1))

        let secondBody = await Remote.deliver(peer.frames(.block(BlockMessage(block: Self.blocks[1]))), from: 1, to: manager)
        #expect(secondBody.contains(.connectBlocks))
        #expect(await manager.handle(.connectBlocks, now: 0).isEmpty)
        #expect(await calls.count(.acceptBlock) == 1)

        await gate.release()
        _ = await firstPass
        #expect(await calls.count(.acceptBlock) == 2)
        #expect(await chain.inner.tip == Self.blocks[1].id)
    }

    static func manager(_ chain: InterceptedPeerChain) throws -> PeerManager {
        var configuration = PeerConfiguration(chainId: 7, genesis: genesis.id, listenPort: 9333)
        configuration.targetOutbound = 0
        return PeerManager(configuration: configuration, crypto: try crypto(1), chain: chain,
                           addressBook: AddressBook(secret: [UInt8](repeating: 1, count: 16)))
    }
}

/// The chain calls a manager made, in order.
actor CallLog {
    private var calls: [InterceptedPeerChain.Call] = []

    func note(_ call: InterceptedPeerChain.Call) { calls.append(call) }

    func count(_ call: InterceptedPeerChain.Call) -> Int { calls.filter { $0 == call }.count }
}

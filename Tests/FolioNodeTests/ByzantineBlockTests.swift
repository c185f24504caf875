import FolioCore
import FolioTestSupport
import Testing
@testable import FolioNode

/// R5 (docs/BENCHMARKS.md) over real loopback sockets against the real chain rules: a node
/// (`P2PService` on a `Ledger` with the real consensus engine and chain) linked to an honest
/// peer is attacked by an inbound peer from its own loopback address, which answers the
/// node's `getheaders` and `getdata` with a crafted block (`ByzantineOffence`). On the first
/// offence the node closes the connection and discourages the address, giving the offence's
/// own reason; its tip is unchanged and it never stores the block; the honest peer stays
/// linked and gets the node's next block. A valid block sent the same way is taken, which
/// shows the path delivers what the node would accept. Deadlines are generous polls.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ByzantineBlockTests {
    @Test(arguments: ByzantineOffence.allCases)
    func aByzantineBlockIsRefusedAndItsSenderDisconnectedAndDiscouraged(_ offence: ByzantineOffence) async throws {
        let arena = try await ByzantineArena.start(proofOfWork: offence.onProofOfWork, label: offence.rawValue)
        defer { Task { await arena.stop() } }
        let before = await arena.node.chain.tip
        let bad = try await ByzantineBlocks.craft(offence, on: arena.node)
        #expect(await P2PHarness.eventually { await arena.outboundLinks() == [arena.honestAddress] })

        let attacker = try await arena.attacker(from: offence.source, label: offence.rawValue, bestHeight: before.height + 1)
        #expect(try await attacker.handshake() == .established)
        let serving = Task { try await ByzantineAttacker.serve(bad, on: attacker) }
        let closed = await attacker.closedByNode(within: 30)
        #expect(closed, "the node kept the link to a peer that sent a block with \(offence.expectedOffence)")
        if !closed { await attacker.close() }
        let report = try await serving.value
        // One offence: the header, and the body only when the header passed.
        #expect(report == AttackReport(headersSent: 1, blocksSent: offence.caughtAtHeader ? 0 : 1))

        // Refused for this offence's reason, named in the node's log as it discouraged and
        // closed; discouraged once.
        let discouraged = "p2p: discouraged \(offence.source) for 1440 min: \(offence.expectedOffence)"
        #expect(await P2PHarness.eventually { arena.lines.all.contains(discouraged) })
        #expect(arena.lines.all.contains {
            $0.hasPrefix("p2p: closed link to \(offence.source):") && $0.hasSuffix(": \(offence.expectedOffence)")
        })
        #expect(arena.lines.all.filter { $0.hasPrefix("p2p: discouraged ") }.count == 1)

        // The address is refused from now on; another one is still welcome.
        let again = try await arena.attacker(from: offence.source, label: "\(offence.rawValue)-again", bestHeight: before.height)
        #expect(try await again.handshake() != .established)
        await again.close()
        let other = try await arena.attacker(from: "127.0.1.\(offence.source.split(separator: ".").last ?? "1")",
                                             label: "\(offence.rawValue)-other", bestHeight: before.height)
        #expect(try await other.handshake() == .established)
        await other.close()

        // Nothing of the block kept; the honest peer still linked, and it gets the next block.
        #expect(await arena.node.chain.tip.id == before.id)
        #expect(try arena.node.store.blockEntry(id: bad.id) == nil)
        #expect(await arena.outboundLinks() == [arena.honestAddress])
        let next = try await arena.produceHonestBlock()
        let reached = await P2PHarness.eventually { await arena.honest.chain.tip.id == next.id }
        // Also when the header went on to the honest peer before validation and the node then
        // dropped the body as invalid, answering `notfound`: that body no longer holds up the
        // peer's later ones (`HonestPeerStallTests`).
        #expect(reached)
        #expect(await arena.outboundLinks() == [arena.honestAddress])
        // The honest peer may have fetched the block (its header is relayed before validation
        // once the body matches its Merkle root), and refused it too.
        #expect(try arena.honest.store.blockEntry(id: bad.id) == nil)
    }

    /// The control: the same attacker path with a valid block. The node connects it, keeps
    /// the peer and blames nobody, so the offences above fail on their contents alone.
    @Test(arguments: [false, true])
    func aValidBlockSentTheSameWayIsConnectedAndItsSenderKept(onProofOfWork: Bool) async throws {
        let arena = try await ByzantineArena.start(proofOfWork: onProofOfWork, label: "valid")
        defer { Task { await arena.stop() } }
        let before = await arena.node.chain.tip
        let good = try await ByzantineBlocks.next(on: arena.node, [try P2PHarness.transfer(from: 3, to: 4)])
        #expect(await P2PHarness.eventually { await arena.outboundLinks() == [arena.honestAddress] })

        let sender = try await arena.attacker(from: "127.0.0.42", label: "valid", bestHeight: before.height + 1)
        #expect(try await sender.handshake() == .established)
        let serving = Task { try await ByzantineAttacker.serve(good, on: sender) }
        #expect(await P2PHarness.eventually { await arena.node.chain.tip.id == good.id })
        #expect(await P2PHarness.eventually { await arena.honest.chain.tip.id == good.id })
        #expect(sender.channel.isActive)
        #expect(!arena.lines.all.contains { $0.hasPrefix("p2p: discouraged ") })
        await sender.close()
        #expect(try await serving.value == AttackReport(headersSent: 1, blocksSent: 1))
    }
}

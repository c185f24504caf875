import FolioChain
import FolioConsensus
import FolioCore
import FolioMempool
import FolioStore
import FolioTestSupport
import Logging
import Synchronization
import Testing
@testable import FolioNode

/// The producer loop stops sealing when a block from elsewhere becomes the tip: the block
/// connecting is heard through the ledger's observer and the seal work is cancelled, so it
/// never finishes a block on a stale parent.
@Suite(.timeLimit(.minutes(1))) struct BlockProductionServiceTests {
    /// A producer that seals nothing: it notes that it started, then waits until cancelled.
    final class WaitingProducer: BlockProducer, Sendable {
        let started = Mutex(0)
        let cancelled = Mutex(0)

        func produce(_ template: Block, parent: BlockHeader, chain: some ChainView) async throws(ProductionError) -> Block {
            started.withLock { $0 += 1 }
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            cancelled.withLock { $0 += 1 }
            throw .cancelled
        }
    }

    /// The seal ChainBuilder's blocks carry: the test producer with an empty signature.
    static func seal() throws -> Seal {
        .proofOfAuthority(ProofOfAuthoritySeal(authority: TestKeys.producer.publicKey,
                                               signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount))))
    }

    @Test func aBlockFromElsewhereCancelsTheSealWorkInHand() async throws {
        let params = try ChainBuilder.params(prefund: [])
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(),
                              licences: FakeLicenceEngine(), clock: { Int64.max / 2 })
        let ledger = Ledger(chain: chain, mempool: Mempool(chain: chain), clock: { Int64.max / 2 })
        let producer = WaitingProducer()
        let service = BlockProductionService(
            ledger: ledger, producer: producer,
            templateSeal: try Self.seal(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let round = Task { await service.produceOne() }
        while producer.started.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(5)) }

        let builder = try ChainBuilder(params: params)
        let peerBlock = try await builder.build("one", on: "genesis", timestamp: params.genesisTimestamp + 10)
        let outcome = await ledger.accept(peerBlock, local: false)
        #expect(outcome.status == .connected)
        await round.value
        #expect(producer.cancelled.withLock { $0 } == 1)
        #expect(await chain.tip.id == peerBlock.id)
    }

    @Test func aTipThatMovedBeforeSealingBeganIsNotSealedOn() async throws {
        let params = try ChainBuilder.params(prefund: [])
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(),
                              licences: FakeLicenceEngine(), clock: { Int64.max / 2 })
        let ledger = Ledger(chain: chain, mempool: Mempool(chain: chain), clock: { Int64.max / 2 })
        let service = BlockProductionService(
            ledger: ledger, producer: WaitingProducer(),
            templateSeal: try Self.seal(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let genesis = try #require(try chain.store.blockEntry(id: params.genesisBlock.id)?.header)
        let template = try #require(await service.template(on: genesis, timestamp: params.genesisTimestamp + 10))
        let builder = try ChainBuilder(params: params)
        _ = await ledger.accept(try await builder.build("one", on: "genesis"), local: false)
        let view = StoreChainView(params: params, store: chain.store)
        let sealed = try await service.sealRacingTip(template, parent: genesis, view: view)
        #expect(sealed == nil)
    }
}

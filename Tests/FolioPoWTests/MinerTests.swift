import FolioConsensus
import FolioCore
import FolioCrypto
import Testing
@testable import FolioPoW

@Suite struct MinerTests {
    @Test(arguments: [UInt64(0), 1, 0x1234_5678, 1 << 56, .max])
    func midstateHashEqualsTheOneShotBlockId(nonce: UInt64) throws {
        let chain = try PoWTestChain()
        var header = chain.builder.draft(after: chain.builder.view.tip)
        let payee = Address(bytes: (1...20).map { UInt8($0) }) ?? .zero
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, extraNonce: 0xa1b2_c3d4, payee: payee, nonce: nonce))
        #expect(HeaderMidstate(header: header).value(nonce: nonce) == UInt256(littleEndianHash: SHA256.doubleHash(header.canonicalBytes)))
    }

    @Test func minedBlockPassesVerification() async throws {
        let chain = try PoWTestChain()
        let miner = ProofOfWorkMiner(engine: chain.engine, workers: 2)
        let parent = chain.builder.view.tip
        let template = Block(header: chain.builder.draft(after: parent), transactions: [])
        let block = try await miner.produce(template, parent: parent, chain: chain.builder.view)
        try chain.engine.verifyHeader(block.header, parent: parent, chain: chain.builder.view, now: PoWTestChain.t0 + 1000)
    }

    /// The template's state root pays the payee in its seal; the mined block must name it.
    @Test func minedBlockKeepsTheTemplatesPayee() async throws {
        let chain = try PoWTestChain()
        let parent = chain.builder.view.tip
        var header = chain.builder.draft(after: parent)
        let payee = Address(bytes: [UInt8](repeating: 0x77, count: 20)) ?? .zero
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, payee: payee))
        let block = try await ProofOfWorkMiner(engine: chain.engine, workers: 2)
            .produce(Block(header: header, transactions: []), parent: parent, chain: chain.builder.view)
        guard case let .proofOfWork(seal) = block.header.seal else { Issue.record("no PoW seal"); return }
        #expect(seal.payee == payee)
    }

    @Test func aTemplateWithAnAuthoritySealIsRefused() async throws {
        let chain = try PoWTestChain()
        let parent = chain.builder.view.tip
        var header = chain.builder.draft(after: parent)
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(
            authority: try PrivateKey(seed: [UInt8](repeating: 9, count: 32)).publicKey,
            signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount))))
        await #expect(throws: ProductionError.self) {
            try await ProofOfWorkMiner(engine: chain.engine, workers: 1)
                .produce(Block(header: header, transactions: []), parent: parent, chain: chain.builder.view)
        }
    }

    @Test func exhaustedNonceSpanMovesToTheNextExtraNonceAndStillFinds() async throws {
        let chain = try PoWTestChain()
        let miner = ProofOfWorkMiner(engine: chain.engine, workers: 1, nonceSpan: 1)
        let parent = chain.builder.view.tip
        let template = Block(header: chain.builder.draft(after: parent), transactions: [])
        let block = try await miner.produce(template, parent: parent, chain: chain.builder.view)
        guard case let .proofOfWork(seal) = block.header.seal else { Issue.record("no PoW seal"); return }
        #expect(seal.nonce == 0)
        try chain.engine.verifyHeader(block.header, parent: parent, chain: chain.builder.view, now: PoWTestChain.t0 + 1000)
    }

    @Test func extraNonceWrapRollsTheTimestampAndRestartsAtTheWorkersLane() throws {
        let chain = try PoWTestChain()
        var header = chain.builder.draft(after: chain.builder.view.tip)
        header.seal = .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, extraNonce: UInt32.max))
        var search = NonceSearch(header: header, target: .max, nonceSpan: 1, extraNonceStride: 2)
        search.rollSearchSpace()
        // UInt32.max + 2 wraps; the lane restarts at UInt32.max mod 2 = 1, one second later.
        #expect(search.header.timestamp == header.timestamp + 1)
        #expect(search.header.seal == .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, extraNonce: 1)))
    }

    @Test func cancellingTheTaskStopsTheMinerWithCancelled() async throws {
        // A target of 1 is never met, so only cancellation ends the search.
        let chain = try PoWTestChain(initialBits: 0x0101_0000)
        let miner = ProofOfWorkMiner(engine: chain.engine, workers: 2)
        let parent = chain.builder.view.tip
        let view = chain.builder.view
        let template = Block(header: chain.builder.draft(after: parent), transactions: [])
        let task = Task { () async throws(ProductionError) -> Block in
            try await miner.produce(template, parent: parent, chain: view)
        }
        try await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let result = await task.result
        #expect(throws: ProductionError.cancelled) { try result.get() }
    }
}

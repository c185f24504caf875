import FolioCore
import FolioTestSupport
import Testing
@testable import FolioConsensus

@Suite struct FakeEngineTests {
    private func builder() throws -> HeaderChainBuilder {
        HeaderChainBuilder(params: try HeaderChainBuilder.params(
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 10, halfLifeSeconds: 3600, initialBits: 0x207f_ffff))))
    }

    @Test func fakeEngineAcceptsAnySealButFailsAtItsHeight() throws {
        var chain = try builder()
        let headers = chain.extend(3)
        let engine = FakeConsensusEngine(failAtHeight: 3)
        try engine.verifyHeader(headers[1], parent: headers[0], chain: chain.view, now: 0)
        #expect(throws: ValidationError(reason: "bad-seal", owner: .peer)) {
            try engine.verifyHeader(headers[2], parent: headers[1], chain: chain.view, now: 0)
        }
    }

    @Test func fakeProducerWaitsItsDelayOnTheInjectedClock() async throws {
        let chain = try builder()
        let clock = FakeEngineClock(startMilliseconds: 0)
        let producer = FakeBlockProducer(delayMilliseconds: 250, clock: clock)
        let template = Block(header: chain.draft(after: chain.view.tip), transactions: [])
        let sealed = try await producer.produce(template, parent: chain.view.tip, chain: chain.view)
        #expect(sealed == template && clock.sleeps == [250])
    }

    @Test func cancelledProducerThrowsCancelled() async throws {
        let chain = try builder()
        let producer = FakeBlockProducer(delayMilliseconds: 60_000)
        let template = Block(header: chain.draft(after: chain.view.tip), transactions: [])
        let view = chain.view
        let task = Task { () async throws(ProductionError) -> Block in
            try await producer.produce(template, parent: view.tip, chain: view)
        }
        task.cancel()
        let result = await task.result
        #expect(throws: ProductionError.cancelled) { try result.get() }
    }
}

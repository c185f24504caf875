import FolioConsensus
import FolioCore
import FolioTestSupport
import Synchronization
import Testing
@testable import FolioPoA

@Suite struct SealerTests {
    private func sealer(_ key: Key, chain: PoATestChain, clock: FakeEngineClock, jitter: Int64 = 0,
                        calls: SignCounter? = nil) -> ProofOfAuthoritySealer {
        let privateKey = key.privateKey
        return ProofOfAuthoritySealer(engine: chain.engine, authority: key.publicKey, sign: { message in
            calls?.count.withLock { $0 += 1 }
            return try privateKey.signature(for: message)
        }, clock: clock, jitter: { _ in jitter })
    }

    private func template(_ chain: PoATestChain) -> Block {
        var header = chain.builder.draft(after: chain.tip)
        header.timestamp = chain.tip.timestamp
        return Block(header: header, transactions: [])
    }

    @Test func inTurnSealerWaitsExactlyThePeriodAndItsBlockVerifies() async throws {
        let chain = try PoATestChain([.A, .B, .C])
        let clock = FakeEngineClock(startMilliseconds: PoATestChain.t0 * 1000)
        let block = try await sealer(.B, chain: chain, clock: clock).produce(template(chain), parent: chain.tip, chain: chain.builder.view)
        #expect(clock.sleeps == [5000] && block.header.timestamp == PoATestChain.t0 + 5)
        try chain.verify(block.header)
    }

    @Test func outOfTurnSealerAddsTheGraceSecondAndItsJitter() async throws {
        // N = 3: jitter bound 3 × 500 − 1000 = 500 ms; the injected jitter says 123.
        let chain = try PoATestChain([.A, .B, .C])
        let clock = FakeEngineClock(startMilliseconds: PoATestChain.t0 * 1000)
        let block = try await sealer(.A, chain: chain, clock: clock, jitter: 123)
            .produce(template(chain), parent: chain.tip, chain: chain.builder.view)
        #expect(clock.sleeps == [6123] && block.header.timestamp == PoATestChain.t0 + 6)
        try chain.verify(block.header)
    }

    @Test func sealerSignsOnlyThroughTheClosure() async throws {
        let chain = try PoATestChain([.A, .B, .C])
        let calls = SignCounter()
        let clock = FakeEngineClock(startMilliseconds: PoATestChain.t0 * 1000)
        _ = try await sealer(.B, chain: chain, clock: clock, calls: calls).produce(template(chain), parent: chain.tip, chain: chain.builder.view)
        #expect(calls.count.withLock { $0 } == 1)
    }

    @Test func nonAuthoritySealerIsNotPermitted() async throws {
        let chain = try PoATestChain([.A, .B, .C])
        let clock = FakeEngineClock(startMilliseconds: PoATestChain.t0 * 1000)
        let producer = sealer(.E, chain: chain, clock: clock)
        await #expect(throws: ProductionError.notPermitted(reason: "not-authority")) {
            try await producer.produce(template(chain), parent: chain.tip, chain: chain.builder.view)
        }
    }

    @Test func recentSealerIsNotPermitted() async throws {
        var chain = try PoATestChain([.A, .B, .C])
        try chain.add(sealer: .B)
        let clock = FakeEngineClock(startMilliseconds: PoATestChain.t0 * 1000)
        let producer = sealer(.B, chain: chain, clock: clock)
        await #expect(throws: ProductionError.notPermitted(reason: "recently-signed")) {
            try await producer.produce(template(chain), parent: chain.tip, chain: chain.builder.view)
        }
    }
}

/// Counts calls to a signing closure.
final class SignCounter: Sendable {
    let count = Mutex(0)
}

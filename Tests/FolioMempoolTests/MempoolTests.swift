import FolioChain
import FolioConsensus
import FolioCore
import FolioMempool
import FolioStore
import FolioTestSupport
import Testing

/// Local admission policy, each rule with its reason code.
@Suite struct MempoolTests {
    let builder: ChainBuilder
    let chain: Chain
    static let now: Int64 = 1_700_000_500

    init() throws {
        let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1000), (TestKeys.bob, 1000)])
        builder = try ChainBuilder(params: params)
        chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(),
                          licences: FakeLicenceEngine(), clock: { MempoolTests.now })
    }

    func pay(_ from: TestKey, nonce: UInt64, fee: UInt64 = 1, amount: UInt64 = 10) -> Transaction {
        builder.transaction(from, nonce: nonce, fee: fee, .transfer(Transfer(to: TestKeys.carol.address, amount: Amount(baseUnits: amount))))
    }

    func rejection(_ pool: Mempool, _ transaction: Transaction) async -> String? {
        do {
            try await pool.add(transaction, now: Self.now)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aFeeUnderTheMinimumIsRefused() async {
        let pool = Mempool(chain: chain, policy: MempoolPolicy(minimumFee: Amount(baseUnits: 2)))
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 0, fee: 1)) == "fee-below-minimum")
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 0, fee: 2)) == nil)
    }

    @Test func nonceGapsAreHeldUpToTheLimit() async {
        let pool = Mempool(chain: chain, policy: MempoolPolicy(maxNonceGap: 2))
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 2)) == nil)
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 3)) == "nonce-gap-too-large")
    }

    @Test func theNextNonceCountsOnlyAnUnbrokenRunOfPendingTransactions() async throws {
        let pool = Mempool(chain: chain, policy: MempoolPolicy(maxNonceGap: 5))
        #expect(await pool.nextNonce(for: TestKeys.alice.address, confirmed: 0) == 0)
        try await pool.add(pay(TestKeys.alice, nonce: 0), now: 0)
        try await pool.add(pay(TestKeys.alice, nonce: 1), now: 0)
        try await pool.add(pay(TestKeys.alice, nonce: 3), now: 0)
        // 0 and 1 are pending, 2 is missing: the next to sign is 2, not 4.
        #expect(await pool.nextNonce(for: TestKeys.alice.address, confirmed: 0) == 2)
        #expect(await pool.nextNonce(for: TestKeys.bob.address, confirmed: 7) == 7)
    }

    @Test func aSameNonceReplacementMustPayAHigherFee() async throws {
        let pool = Mempool(chain: chain)
        let first = pay(TestKeys.alice, nonce: 0, fee: 3)
        try await pool.add(first, now: Self.now)
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 0, fee: 3, amount: 11)) == "replacement-fee-too-low")
        let better = pay(TestKeys.alice, nonce: 0, fee: 4)
        #expect(try await pool.add(better, now: Self.now) == [first])
        #expect(await pool.contains(better.id))
        #expect(await !pool.contains(first.id))
        #expect(await rejection(pool, better) == "already-known")
    }

    @Test func aFullPoolEvictsTheLowestFeeRateOnlyForABetterOne() async throws {
        let pool = Mempool(chain: chain, policy: MempoolPolicy(capacity: 2))
        let cheap = pay(TestKeys.alice, nonce: 0, fee: 1)
        try await pool.add(cheap, now: Self.now)
        try await pool.add(pay(TestKeys.bob, nonce: 0, fee: 3), now: Self.now)
        #expect(await rejection(pool, pay(TestKeys.bob, nonce: 1, fee: 1)) == "mempool-full")
        #expect(try await pool.add(pay(TestKeys.bob, nonce: 1, fee: 5), now: Self.now) == [cheap])
        #expect(await pool.count == 2)
    }

    @Test func pendingSpendsOfOneSenderMustBePayableTogether() async throws {
        let pool = Mempool(chain: chain)
        // 600 + 1 fee, then 399 + 1 fee = 1001 > 1000.
        try await pool.add(pay(TestKeys.alice, nonce: 0, fee: 1, amount: 600), now: Self.now)
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 1, fee: 1, amount: 399)) == "insufficient-balance")
        #expect(await rejection(pool, pay(TestKeys.alice, nonce: 1, fee: 1, amount: 398)) == nil)
    }

    @Test func aBadSignatureIsRefusedAsInvalid() async {
        let pool = Mempool(chain: chain)
        var forged = pay(TestKeys.alice, nonce: 0)
        forged.fee = Amount(baseUnits: 2)
        #expect(await rejection(pool, forged) == "invalid:bad-signature")
    }

    @Test func entriesOlderThanTheLimitExpire() async throws {
        let pool = Mempool(chain: chain, policy: MempoolPolicy(maxAgeSeconds: 60))
        let old = pay(TestKeys.alice, nonce: 0)
        try await pool.add(old, now: Self.now)
        #expect(await pool.revalidate(now: Self.now + 60).isEmpty)
        let dropped = await pool.revalidate(now: Self.now + 61)
        #expect(dropped.map(\.0) == [old])
        #expect(dropped.map(\.1.reason) == ["expired"])
    }

    @Test func aNewTipRemovesIncludedTransactionsAndDropsStaleNonces() async throws {
        let pool = Mempool(chain: chain)
        let included = pay(TestKeys.alice, nonce: 0, fee: 1)
        let rival = pay(TestKeys.bob, nonce: 0, fee: 1)
        let next = pay(TestKeys.alice, nonce: 1, fee: 1)
        try await pool.add(included, now: Self.now)
        try await pool.add(rival, now: Self.now)
        try await pool.add(next, now: Self.now)
        // The block spends Bob's nonce 0 with a different transaction.
        let otherBobSpend = pay(TestKeys.bob, nonce: 0, fee: 2, amount: 1)
        let block = try await builder.build("b1", on: "genesis", [included, otherBobSpend])
        let outcome = await chain.accept(block)
        #expect(outcome.status == .connected)
        let dropped = await pool.update(after: outcome, now: Self.now)
        #expect(dropped.map(\.0) == [rival])
        #expect(dropped.map(\.1.reason) == ["nonce-used"])
        #expect(await pool.ready(limit: 10) == [next])
    }

    @Test func readyOrdersHeadsByFeeRateAndKeepsEachSendersNonceOrder() async throws {
        let pool = Mempool(chain: chain)
        let alice0 = pay(TestKeys.alice, nonce: 0, fee: 1)
        let alice1 = pay(TestKeys.alice, nonce: 1, fee: 9)
        let bob0 = pay(TestKeys.bob, nonce: 0, fee: 5)
        let bobGap = pay(TestKeys.bob, nonce: 2, fee: 50)
        for transaction in [alice0, alice1, bob0, bobGap] { try await pool.add(transaction, now: Self.now) }
        #expect(await pool.ready(limit: 10) == [bob0, alice0, alice1])
        #expect(await pool.ready(limit: 1) == [bob0])
    }
}

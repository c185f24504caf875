import FolioChain
import FolioConsensus
import FolioCore
import FolioPeer
import FolioTestSupport
import Logging
import Testing
@testable import FolioNode

/// `LedgerChainBackend`'s low-work rule on a proof-of-work chain (docs/p2p.md, "Low-work
/// headers"): headers with valid seals are held only if their branch reaches our tip's work.
/// Work figures are checked against `PoWHarness.work(of:)`, which sums each header's own
/// target, independently of the backend's accumulation.
@Suite struct LowWorkBackendTests {
    private func backend(_ ledger: Ledger) throws -> LedgerChainBackend {
        LedgerChainBackend(ledger: ledger, params: ledger.chain.params, engine: try ConsensusEngineFactory.make(params: ledger.chain.params),
                           clock: P2PHarness.clock, logger: Logger(label: "low-work-test"))
    }

    private func genesis(_ ledger: Ledger) throws -> BlockHeader {
        try #require(try ledger.store.blockEntry(id: ledger.chain.params.genesisId)).header
    }

    /// 2,000 headers from genesis with valid seals (a fresh node holds them all), against a
    /// chain of 2,100 blocks, with more work: nothing held, nothing stored, and the refusal says where
    /// the branch stands (anchor genesis, 2,000 headers, their work).
    @Test func aCheapBranchFromGenesisIsCheckedButNotHeld() async throws {
        let params = try PoWHarness.params()
        let (ledger, fresh) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        try await PoWHarness.produce(on: ledger, count: 2_100)
        let cheap = try PoWHarness.cheapHeaders(after: try genesis(ledger), count: 2_000, params: params)
        let tipWork = try await PoWHarness.tipWork(ledger)
        #expect(PoWHarness.work(of: cheap) < tipWork)

        let control = try backend(fresh)
        #expect(await control.acceptHeaders(cheap, continuing: nil, proven: false) == HeaderRunOutcome(held: 2_000, known: 0, refusal: nil))
        #expect(await control.pendingHeaders == 2_000)

        let backend = try backend(ledger)
        let outcome = await backend.acceptHeaders(cheap, continuing: nil, proven: false)
        guard case let .lowWork(branch) = outcome.refusal else {
            Issue.record("a cheap branch is refused as low work, not \(String(describing: outcome.refusal))")
            return
        }
        #expect(outcome.held == 0)
        #expect(branch.anchor == params.genesisId)
        #expect(branch.length == 2_000)
        #expect(branch.recent == Array(cheap.suffix(LowWorkBranch.recentLimit)))
        #expect(branch.work == BranchWork(bytes: PoWHarness.work(of: cheap).value.bigEndianBytes))
        #expect(await backend.pendingHeaders == 0)
        for header in cheap { #expect(try ledger.store.blockEntry(id: header.id) == nil) }
        #expect(await backend.status() == ChainStatus(validatedHeight: 2_100, headerHeight: 2_100))
    }

    /// Continuing a branch (2,000 headers, then 2,000 more) against 2,500 blocks, the backend adds each batch's work to the branch's and
    /// says at which header it reaches our tip's, storing nothing; with `proven` (the manager
    /// checked the batch against what it counted) the same headers are held.
    @Test func aContinuedBranchIsCountedUntilItReachesOurWork() async throws {
        let params = try PoWHarness.params()
        let ledger = try P2PHarness.ledger(params)
        try await PoWHarness.produce(on: ledger, count: 2_500)
        let tipWork = try await PoWHarness.tipWork(ledger)
        let cheap = try PoWHarness.cheapHeaders(after: try genesis(ledger), count: 4_000, params: params)
        let (first, second) = (Array(cheap.prefix(2_000)), Array(cheap.suffix(2_000)))
        try #require(PoWHarness.work(of: first) < tipWork && PoWHarness.work(of: cheap) >= tipWork)
        var running = ChainWork.zero
        let reached = try #require(cheap.indices.first { index in
            running += PoWHarness.work(of: [cheap[index]])
            return running >= tipWork
        })
        let expected = reached - 2_000

        let backend = try backend(ledger)
        guard case let .lowWork(branch) = await backend.acceptHeaders(first, continuing: nil, proven: false).refusal else {
            Issue.record("the first batch is low work")
            return
        }
        #expect(await backend.acceptHeaders(second, continuing: branch, proven: false)
            == HeaderRunOutcome(held: 0, known: 0, refusal: .enoughWork(index: expected)))
        #expect(await backend.pendingHeaders == 0)
        let shorter = Array(second.prefix(expected))
        guard case let .lowWork(longer) = await backend.acceptHeaders(shorter, continuing: branch, proven: false).refusal else {
            Issue.record("a batch stopping one header short of the tip's work is still low")
            return
        }
        #expect(longer.length == 2_000 + expected)
        #expect(longer.work == BranchWork(bytes: PoWHarness.work(of: first + shorter).value.bigEndianBytes))

        #expect(await backend.acceptHeaders(first, continuing: nil, proven: true) == HeaderRunOutcome(held: 2_000, known: 0, refusal: nil))
        #expect(await backend.pendingHeaders == 2_000)
    }

    /// A branch with more work than ours is held; its first five headers alone, with less, are
    /// not; once the whole branch is held, the five count as known.
    @Test func aHeavierForkIsHeldAndALighterOneIsNot() async throws {
        let params = try PoWHarness.params()
        let (ledger, other) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        try await PoWHarness.produce(on: ledger, count: 10)
        let fork = try await PoWHarness.produce(on: other, count: 20, salt: 1).map(\.header)
        #expect(PoWHarness.work(of: Array(fork.prefix(5))) < (try await PoWHarness.tipWork(ledger)))

        let backend = try backend(ledger)
        guard case .lowWork = await backend.acceptHeaders(Array(fork.prefix(5)), continuing: nil, proven: false).refusal else {
            Issue.record("five blocks do not outweigh ten")
            return
        }
        #expect(await backend.pendingHeaders == 0)
        #expect(await backend.acceptHeaders(fork, continuing: nil, proven: false) == HeaderRunOutcome(held: 20, known: 0, refusal: nil))
        #expect(await backend.pendingHeaders == 20)
        #expect(await backend.acceptHeaders(Array(fork.prefix(5)), continuing: nil, proven: false)
            == HeaderRunOutcome(held: 5, known: 5, refusal: nil))
    }

    /// Every header's seal is checked, not only the first's (before the rule, a header whose
    /// parent was only held got the link rule alone): a run whose fourth header misses its
    /// target is invalid and nothing of it is held. Headers that skip one are refused too.
    @Test func everySealInARunIsChecked() async throws {
        let params = try PoWHarness.params()
        let ledger = try P2PHarness.ledger(params)
        var cheap = try PoWHarness.cheapHeaders(after: try genesis(ledger), count: 6, params: params)
        let target = try #require(CompactTarget.target(from: {
            guard case let .proofOfWork(seal) = cheap[3].seal else { return 0 }
            return seal.bits
        }()))
        guard case var .proofOfWork(seal) = cheap[3].seal else { return }
        repeat {
            seal.nonce += 1
            cheap[3].seal = .proofOfWork(seal)
        } while cheap[3].proofOfWorkValue <= target
        for index in 4..<6 {
            cheap[index].parent = cheap[index - 1].id
            cheap[index] = PoWHarness.mined(cheap[index], parent: cheap[index - 1], engine: try PoWHarness.engine(params))
        }
        let backend = try backend(ledger)
        #expect(await backend.acceptHeaders(cheap, continuing: nil, proven: false)
            == HeaderRunOutcome(held: 0, known: 0, refusal: .invalid(ValidationError.Reason.badSeal)))
        #expect(await backend.acceptHeaders([cheap[0], cheap[2]], continuing: nil, proven: false)
            == HeaderRunOutcome(held: 0, known: 0, refusal: .invalid("headers do not connect")))
        #expect(await backend.pendingHeaders == 0)
    }

    /// During a sync the validated tip is still low, so the threshold is the most work among
    /// headers held ahead of their bodies: with 20 headers of another node's chain held (work
    /// 40) and only genesis validated, a cheap branch of 15 from genesis (work 30, more than
    /// the tip's 0) is not held; a branch of 20 (work 40, a tie) is, as is one of 21.
    @Test func whileSyncingTheThresholdIsTheMostWorkHeld() async throws {
        let params = try PoWHarness.params()
        let (ledger, source) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let honest = try await PoWHarness.produce(on: source, count: 20).map(\.header)
        let backend = try backend(ledger)
        #expect(await backend.acceptHeaders(honest, continuing: nil, proven: false) == HeaderRunOutcome(held: 20, known: 0, refusal: nil))

        let genesis = try genesis(ledger)
        let cheap = try PoWHarness.cheapHeaders(after: genesis, count: 21, params: params, salt: 3)
        #expect(PoWHarness.work(of: Array(cheap.prefix(15))) < PoWHarness.work(of: honest))
        #expect(PoWHarness.work(of: Array(cheap.prefix(20))) == PoWHarness.work(of: honest))
        guard case .lowWork = await backend.acceptHeaders(Array(cheap.prefix(15)), continuing: nil, proven: false).refusal else {
            Issue.record("15 cheap headers do not beat 20 held ones")
            return
        }
        #expect(await backend.pendingHeaders == 20)
        #expect(await backend.acceptHeaders(Array(cheap.prefix(20)), continuing: nil, proven: false)
            == HeaderRunOutcome(held: 20, known: 0, refusal: nil))
        #expect(await backend.acceptHeaders(cheap, continuing: nil, proven: false) == HeaderRunOutcome(held: 21, known: 20, refusal: nil))
        #expect(await backend.pendingHeaders == 41)
    }
}

import FolioChain
import FolioConsensus
import FolioCore
import FolioPeer
import Logging
import Testing
@testable import FolioNode

/// `LedgerChainBackend` without sockets: verdicts and their fault owners, the header tree,
/// locators and header serving; and the dial schedule and peer parsing the service uses.
@Suite struct P2PBackendTests {
    private func backend(_ ledger: Ledger, capacity: Int = LedgerChainBackend.defaultHeaderCapacity) throws -> LedgerChainBackend {
        LedgerChainBackend(ledger: ledger, params: ledger.chain.params, engine: try ConsensusEngineFactory.make(params: ledger.chain.params),
                           clock: P2PHarness.clock, logger: Logger(label: "p2p-test.backend"), headerCapacity: capacity)
    }

    @Test func aValidBlockIsAcceptedAndADuplicateIsAlreadyKnownNotPunished() async throws {
        let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
        let backend = try backend(ledger)
        let block = try await P2PHarness.nextBlock(on: ledger)
        #expect(await backend.acceptBlock(block) == .accepted)
        #expect(await backend.acceptBlock(block) == .alreadyKnown)
        #expect(await backend.hasBlock(block.id))
        #expect(await backend.block(block.id) == block)
    }

    @Test func aBlockBreakingConsensusIsInvalidAndAnOrphanHasAnUnknownParent() async throws {
        let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
        let source = try P2PHarness.ledger(try P2PHarness.devParams())
        let backend = try backend(ledger)
        var forged = try await P2PHarness.nextBlock(on: ledger)
        forged.header.stateRoot = SHA256.hash(Array("not the state".utf8))
        guard case .invalid = await backend.acceptBlock(forged) else {
            Issue.record("a block with a bad seal or state root must be the peer's fault")
            return
        }
        try await P2PHarness.produce(on: source)
        let orphan = try await P2PHarness.nextBlock(on: source)
        #expect(await backend.acceptBlock(orphan) == .unknownParent)
    }

    @Test func transactionVerdictsBlameThePeerOnlyForContextFreeFaults() async throws {
        let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
        let backend = try backend(ledger)
        let good = try P2PHarness.transfer(from: 0, to: 1)
        #expect(await backend.acceptTransaction(good) == .accepted)
        #expect(await backend.acceptTransaction(good) == .alreadyKnown)
        #expect(await backend.hasTransaction(good.id))
        #expect(await backend.transaction(good.id) == good)

        var badSignature = try P2PHarness.transfer(from: 2, to: 1)
        badSignature.signature = try Signature(bytes: [UInt8](repeating: 7, count: 64))
        guard case .invalid = await backend.acceptTransaction(badSignature) else {
            Issue.record("a bad signature must be the peer's fault")
            return
        }
        guard case .rejectedByPolicy = await backend.acceptTransaction(try P2PHarness.transfer(from: 3, to: 1, fee: 0)) else {
            Issue.record("a fee under the minimum is local policy")
            return
        }
        guard case .rejectedByPolicy = await backend.acceptTransaction(try P2PHarness.transfer(from: 4, to: 1, nonce: 500)) else {
            Issue.record("a far nonce is local policy")
            return
        }
    }

    @Test func codesMapToVerdicts() {
        #expect(LedgerChainBackend.transactionVerdict(code: "already-known") == .alreadyKnown)
        #expect(LedgerChainBackend.transactionVerdict(code: "invalid:bad-signature") == .invalid("bad-signature"))
        #expect(LedgerChainBackend.transactionVerdict(code: "bad-signature") == .invalid("bad-signature"))
        #expect(LedgerChainBackend.transactionVerdict(code: "near-duplicate") == .rejectedByPolicy("near-duplicate"))
        #expect(LedgerChainBackend.transactionVerdict(code: "store-failure") == .rejectedByPolicy("store-failure"))
        #expect(LedgerChainBackend.verdict(ValidationError(reason: "time-too-new", owner: .localPolicy)) == .rejectedByPolicy("time-too-new"))
        #expect(LedgerChainBackend.verdict(ValidationError(reason: "store-failure", owner: .local)) == .rejectedByPolicy("store-failure"))
        #expect(LedgerChainBackend.verdict(ValidationError(reason: "bad-seal", owner: .peer)) == .invalid("bad-seal"))
    }

    @Test func headersAheadOfTheirBodiesAreCheckedHeldAndCountedInStatus() async throws {
        let params = try P2PHarness.devParams()
        let (ledger, source) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let backend = try backend(ledger)
        var blocks: [Block] = []
        for _ in 0..<3 { blocks.append(try await P2PHarness.produce(on: source)) }

        #expect(await backend.acceptHeader(blocks[1].header) == .unknownParent)
        #expect(await backend.acceptHeader(blocks[0].header) == .accepted)
        #expect(await backend.acceptHeader(blocks[0].header) == .alreadyKnown)
        #expect(await backend.acceptHeader(blocks[1].header) == .accepted)
        #expect(await backend.status() == ChainStatus(validatedHeight: 0, headerHeight: 2))
        #expect(await backend.headerLocator().first == blocks[1].id)

        var badSeal = blocks[0].header
        badSeal.timestamp += 1
        guard case .invalid = await backend.acceptHeader(badSeal) else {
            Issue.record("a header on a stored parent gets the engine's seal check")
            return
        }
        var badHeight = blocks[2].header
        badHeight.height = 7
        guard case .invalid = await backend.acceptHeader(badHeight) else {
            Issue.record("a header on a held parent gets the link rule")
            return
        }

        #expect(await backend.acceptHeader(blocks[2].header) == .accepted)
        #expect(await backend.pendingHeaders == 3)
        // A body that does not match its header blames the sender and drops the headers
        // built on it (the next sync fetches them again).
        var mutated = blocks[0]
        mutated.transactions = [try P2PHarness.transfer(from: 0, to: 1)]
        guard case .invalid = await backend.acceptBlock(mutated) else {
            Issue.record("a body that does not match its header is the peer's fault")
            return
        }
        #expect(await backend.pendingHeaders == 0)
        #expect(await backend.status() == ChainStatus(validatedHeight: 0, headerHeight: 0))

        for block in blocks { #expect(await backend.acceptBlock(block) == .accepted) }
        #expect(await backend.pendingHeaders == 0)
        #expect(await backend.status() == ChainStatus(validatedHeight: 3, headerHeight: 3))
    }

    @Test func theHeaderTreeIsBounded() async throws {
        let params = try P2PHarness.devParams()
        let (ledger, source) = (try P2PHarness.ledger(params), try P2PHarness.ledger(params))
        let backend = try backend(ledger, capacity: 2)
        var blocks: [Block] = []
        for _ in 0..<3 { blocks.append(try await P2PHarness.produce(on: source)) }
        #expect(await backend.acceptHeader(blocks[0].header) == .accepted)
        #expect(await backend.acceptHeader(blocks[1].header) == .accepted)
        guard case .rejectedByPolicy = await backend.acceptHeader(blocks[2].header) else {
            Issue.record("a full header tree refuses without blaming the peer")
            return
        }
    }

    @Test func locatorsAndServedHeadersFollowTheMainChain() async throws {
        let ledger = try P2PHarness.ledger(try P2PHarness.devParams())
        let backend = try backend(ledger)
        var blocks: [Block] = []
        for _ in 0..<40 { blocks.append(try await P2PHarness.produce(on: ledger)) }
        let locator = await backend.headerLocator()
        #expect(locator.first == blocks[39].id)
        #expect(locator.last == ledger.chain.params.genesisId)
        #expect(Array(locator.prefix(10)) == blocks[30...39].reversed().map(\.id))
        #expect(locator.count < 20)

        let all = await backend.headers(after: [ledger.chain.params.genesisId], stop: .zero, limit: 2000)
        #expect(all.map(\.id) == blocks.map(\.id))
        let tail = await backend.headers(after: [SHA256.hash([1]), blocks[9].id], stop: .zero, limit: 2000)
        #expect(tail.first?.height == 11)
        #expect(tail.count == 30)
        let stopped = await backend.headers(after: [blocks[9].id], stop: blocks[14].id, limit: 2000)
        #expect(stopped.map(\.height) == Array(11...15))
        #expect(await backend.headers(after: [blocks[9].id], stop: .zero, limit: 3).count == 3)
        #expect(LedgerChainBackend.locatorHeights(from: 0) == [0])
    }

    @Test func redialWaitsDoubleFromOneSecondToFiveMinutesAndRestartAfterALink() {
        var schedule = RedialSchedule()
        #expect(schedule.isDue(now: 0))
        schedule.dialled(now: 0)
        #expect(!schedule.isDue(now: 999))
        #expect(schedule.isDue(now: 1_000))
        #expect((1...12).map { schedule.delay(afterAttempts: $0) }
            == [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000])
        #expect(schedule.delay(afterAttempts: 500) == 300_000)
        schedule.dialled(now: 1_000)
        schedule.linkUp()
        #expect(!schedule.isDue(now: 1_000_000))
        schedule.linkDown(now: 2_000_000)
        #expect(schedule.attempts == 0)
        #expect(!schedule.isDue(now: 2_000_999))
        #expect(schedule.isDue(now: 2_001_000))
    }

    @Test func configuredPeersParseAsHostAndPort() {
        #expect(PeerEndpoint("127.0.0.1:9333") != nil)
        #expect(PeerEndpoint(" node.example:1 ")?.host == "node.example")
        #expect(PeerEndpoint("127.0.0.1:9333")?.resolve()?.description == "127.0.0.1:9333")
        #expect(PeerEndpoint("localhost:9333")?.resolve()?.description == "127.0.0.1:9333")
        for bad in ["", "host", "host:", ":9333", "host:0", "host:65536", "host:x"] { #expect(PeerEndpoint(bad) == nil) }
    }
}

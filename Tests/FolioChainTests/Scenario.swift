import FolioChain
import FolioConsensus
import FolioCore
import FolioStore
import FolioTestSupport
import Testing

/// What a scenario step expects of a submitted block.
enum Expect: Sendable {
    case connected
    case reorganized(depth: Int)
    case sideChain
    case orphan
    case rejected(String)
}

/// A chain under test fed blocks from a `ChainBuilder`, step by step. A class so that its
/// SQLite directory goes with it (`deinit`), as `StoreUnderTest` does.
final class Scenario {
    let builder: ChainBuilder
    let chain: Chain
    let directory: TemporaryDirectory?

    static let start: Int64 = 1_700_000_000

    init(prefund: [(TestKey, UInt64)] = [(TestKeys.alice, 1000), (TestKeys.bob, 1000)], blockReward: UInt64 = 50,
         store kind: StoreKind = .memory, clock: Int64 = Scenario.start + 1_000_000, tieBreak: TieBreak = .firstSeen) throws {
        let params = try ChainBuilder.params(prefund: prefund, blockReward: blockReward)
        builder = try ChainBuilder(params: params)
        let directory = kind == .memory ? nil : try TemporaryDirectory(prefix: "folio-chain")
        self.directory = directory
        // A failed init runs no deinit: the directory goes here.
        do {
            let path = directory?.url.appendingPathComponent("chain.sqlite").path ?? ""
            let store: any ChainStore
            switch kind {
            case .memory: store = InMemoryChainStore()
            case .sqlite: store = try SQLiteChainStore(path: path)
            case .mirroredSQLite: store = try SimilarityMirrorStore(SQLiteChainStore(path: path))
            }
            chain = try Chain(
                params: params, store: store, engine: FakeConsensusEngine(checksSharedRules: true, tieBreak: tieBreak),
                licences: FakeLicenceEngine(), clock: { clock })
        } catch {
            directory?.remove()
            throw error
        }
    }

    deinit { directory?.remove() }

    /// Submits the built block `name`, checks the outcome and that the tip is `tip` afterwards.
    @discardableResult
    func submit(_ name: String, _ expected: Expect, tip: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> BlockOutcome {
        let block = try #require(await builder.block(name), sourceLocation: sourceLocation)
        let outcome = await chain.accept(block)
        switch (expected, outcome.status) {
        case (.connected, .connected), (.sideChain, .sideChain), (.orphan, .orphan): break
        case let (.reorganized(want), .reorganized(got)): #expect(want == got, "reorg depth of \(name)", sourceLocation: sourceLocation)
        case let (.rejected(want), .rejected(got)): #expect(got.reason == want, "reason for \(name)", sourceLocation: sourceLocation)
        default: Issue.record("\(name): expected \(expected), got \(outcome.status)", sourceLocation: sourceLocation)
        }
        let tipBlock = try #require(await builder.block(tip), sourceLocation: sourceLocation)
        #expect(outcome.tip == ChainTip(id: tipBlock.id, height: tipBlock.header.height), "tip after \(name)", sourceLocation: sourceLocation)
        return outcome
    }

    /// Builds and submits a chain of empty blocks `prefix1…prefixN` on `parent`, each expected
    /// as `expect` except the last, which is expected as `last`.
    func extend(_ prefix: String, on parent: String, count: Int, eachExpected: Expect, tipAfterEach: (Int) -> String) async throws {
        var previous = parent
        for index in 1...count {
            let name = "\(prefix)\(index)"
            try await builder.build(name, on: previous)
            try await submit(name, eachExpected, tip: tipAfterEach(index))
            previous = name
        }
    }

    func balance(_ key: TestKey) throws -> UInt64 {
        try chain.store.account(key.address)?.balance.baseUnits ?? 0
    }

    func nonce(_ key: TestKey) throws -> UInt64 {
        try chain.store.account(key.address)?.nonce ?? 0
    }

    func transfer(_ from: TestKey, to: TestKey, _ amount: UInt64, nonce: UInt64, fee: UInt64 = 1) -> Transaction {
        builder.transaction(from, nonce: nonce, fee: fee, .transfer(Transfer(to: to.address, amount: Amount(baseUnits: amount))))
    }
}

/// The two store implementations chain scenarios run on.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// SQLite with the near-duplicate search answered by `SimilarityMirrorStore`, as the node runs.
    case memory, sqlite, mirroredSQLite
    var description: String { rawValue }
}

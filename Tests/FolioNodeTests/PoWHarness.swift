import FolioChain
import FolioConsensus
import FolioCore
import FolioPoW
import FolioTestSupport
import Testing
@testable import FolioNode

/// Proof-of-work pieces for the low-work tests: the dev chain's parameters with a
/// proof-of-work engine at the easiest target (0x207fffff), ledgers on them, and mining by
/// trying nonces in order (about two tries a header).
///
/// Every block stays at that target, so each is worth 2 units of work and a branch's work is
/// twice its length: ASERT cannot raise a target this close to 2^256 (its product with the
/// adjustment factor overflows, and the engine then falls back to the limit), whatever the
/// timestamps. A cheap branch is therefore a shorter one: 2,000 headers from genesis against
/// a chain of more than 2,000 blocks (2 ms a block to build here).
enum PoWHarness {
    static let genesisTime: Int64 = 1_900_000_000

    /// The parameters.
    static func params() throws -> ChainParams {
        let dev = try DevChain.params()
        return try ChainParams(
            chainId: dev.chainId, network: dev.network, genesisTimestamp: genesisTime,
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 600, halfLifeSeconds: 3_600, initialBits: 0x207f_ffff)),
            blockReward: dev.blockReward, prefunded: dev.prefunded, fingerprint: dev.fingerprint, modelId: dev.modelId,
            maxBlockBytes: dev.maxBlockBytes, maxTransactionsPerBlock: dev.maxTransactionsPerBlock)
    }

    /// The engine for `params`.
    static func engine(_ params: ChainParams) throws -> ProofOfWorkEngine {
        try #require(ProofOfWorkEngine(chain: params))
    }

    /// `header` with the target its parent sets and the first nonce that meets it; `salt`
    /// (the extra nonce) makes blocks on the same parent differ.
    static func mined(_ header: BlockHeader, parent: BlockHeader, engine: ProofOfWorkEngine, salt: UInt32 = 0) -> BlockHeader {
        var header = header
        let bits = engine.expectedBits(after: parent)
        guard let target = CompactTarget.target(from: bits) else { return header }
        var seal = ProofOfWorkSeal(bits: bits, extraNonce: salt)
        for nonce in UInt64(0)... {
            seal.nonce = nonce
            header.seal = .proofOfWork(seal)
            if header.proofOfWorkValue <= target { break }
        }
        return header
    }

    /// Mines `count` blocks on `ledger`'s tip, one second apart, and accepts them as its own;
    /// `salt` makes them differ from another ledger's.
    @discardableResult
    static func produce(on ledger: Ledger, count: Int = 1, salt: UInt32 = 0) async throws -> [Block] {
        let engine = try engine(ledger.chain.params)
        var blocks: [Block] = []
        for _ in 0..<count {
            let tip = await ledger.chain.tip
            let parent = try #require(try ledger.store.blockEntry(id: tip.id)).header
            var block = try await ledger.chain.blockTemplate(parent: tip.id, transactions: [], timestamp: parent.timestamp + 1,
                                                              seal: .proofOfWork(ProofOfWorkSeal(bits: 0)))
            block.header = mined(block.header, parent: parent, engine: engine, salt: salt)
            let outcome = await ledger.accept(block, local: true)
            #expect(outcome.status == .connected)
            blocks.append(block)
        }
        return blocks
    }

    /// `count` headers on `parent`, 600 s apart (on schedule, so at the easiest target), each
    /// with a valid seal: a cheap branch. `salt` makes branches differ.
    static func cheapHeaders(after parent: BlockHeader, count: Int, params: ChainParams, salt: UInt8 = 0) throws -> [BlockHeader] {
        let engine = try engine(params)
        var headers: [BlockHeader] = []
        var previous = parent
        let root = Hash256(bytes: [UInt8](repeating: salt, count: 32)) ?? .zero
        for _ in 0..<count {
            let draft = BlockHeader(chainId: params.chainId, height: previous.height + 1, parent: previous.id,
                                    merkleRoot: MerkleTree.root(of: []), stateRoot: root,
                                    timestamp: previous.timestamp + 600, seal: .proofOfWork(ProofOfWorkSeal(bits: 0)))
            let header = mined(draft, parent: previous, engine: engine, salt: UInt32(salt))
            headers.append(header)
            previous = header
        }
        return headers
    }

    /// The work of the chain up to `ledger`'s tip, as the store keeps it.
    static func tipWork(_ ledger: Ledger) async throws -> ChainWork {
        let tip = await ledger.chain.tip
        let entry = try #require(try ledger.store.blockEntry(id: tip.id))
        return ChainWork(try #require(UInt256(bigEndian: entry.score)))
    }

    /// The work of `headers` on top of genesis.
    static func work(of headers: [BlockHeader]) -> ChainWork {
        headers.reduce(ChainWork.zero) { total, header in
            guard case let .proofOfWork(seal) = header.seal, let target = CompactTarget.target(from: seal.bits) else { return total }
            return total + ProofOfWorkMath.work(forTarget: target)
        }
    }
}

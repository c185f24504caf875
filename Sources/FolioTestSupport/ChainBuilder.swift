import FolioChain
import FolioConsensus
import FolioCore
import FolioStore

/// Builds blocks for scenario tests in the manner of btcd's full-block tests and
/// go-ethereum's chain maker: blocks get names, any built block can be a parent, and the
/// Merkle and state roots are filled in from a private generator chain, so the chain under
/// test sees exactly what an honest producer would send (or a named mutation of it).
///
/// Every block is sealed for `FakeConsensusEngine` as a proof-of-authority seal by
/// `TestKeys.producer` with an empty signature, so block rewards and fees go to the producer.
public actor ChainBuilder {
    /// The parameters both chains run.
    public let params: ChainParams
    private let generator: Chain
    private var blocks: [String: Block] = [:]

    /// A builder over `params`; `licences` must behave like the chain under test's engine.
    public init(params: ChainParams, licences: any LicenceEngine = FakeLicenceEngine()) throws {
        self.params = params
        generator = try Chain(
            params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(), licences: licences,
            clock: { Int64.max / 2 })
        blocks["genesis"] = params.genesisBlock
    }

    /// Test parameters: chain 7, a proof-of-authority set of `TestKeys.producer`, the given
    /// prefunded accounts, block reward and fingerprint thresholds.
    public static func params(
        prefund: [(TestKey, UInt64)], blockReward: UInt64 = 50, duplicateDistance: Int = 16,
        similarityDistance: Int = 40, modelId: Hash256 = ChainBuilder.modelId
    ) throws -> ChainParams {
        try ChainParams(
            chainId: 7, network: .test, genesisTimestamp: 1_700_000_000,
            consensus: .proofOfAuthority(ProofOfAuthorityParams(authorities: [TestKeys.producer.publicKey], periodSeconds: 10)),
            blockReward: Amount(baseUnits: blockReward),
            prefunded: prefund.map { GenesisAllocation(address: $0.0.address, amount: Amount(baseUnits: $0.1)) },
            fingerprint: FingerprintThresholds(duplicateDistance: duplicateDistance, similarityDistance: similarityDistance),
            modelId: modelId, maxBlockBytes: 1 << 20, maxTransactionsPerBlock: 1000)
    }

    /// The fingerprint model id test parameters use.
    public static let modelId = SHA256.hash(Array("test model".utf8))

    /// The block built under `name` (`genesis` is there from the start).
    public func block(_ name: String) -> Block? { blocks[name] }

    /// Builds block `name` on the block named `parent` with `transactions`, ten seconds after
    /// its parent unless `timestamp` is given, and remembers it.
    @discardableResult
    public func build(_ name: String, on parent: String, _ transactions: [Transaction] = [], timestamp: Int64? = nil) async throws -> Block {
        guard let parentBlock = blocks[parent] else { throw ChainBuilderError.unknownBlock(parent) }
        let seal = Seal.proofOfAuthority(ProofOfAuthoritySeal(authority: TestKeys.producer.publicKey, signature: ChainBuilder.emptySignature))
        let block = try await generator.blockTemplate(
            parent: parentBlock.id, transactions: transactions, timestamp: timestamp ?? parentBlock.header.timestamp + 10, seal: seal)
        let outcome = await generator.accept(block)
        if case let .rejected(rejection) = outcome.status { throw ChainBuilderError.generatorRejected(name, rejection) }
        blocks[name] = block
        return block
    }

    /// Builds block `name` like `build`, then changes it with `mutate` without fixing its roots,
    /// and remembers it (the generator never sees it, so nothing can be built on it).
    @discardableResult
    public func buildMutated(_ name: String, on parent: String, _ transactions: [Transaction] = [],
                             mutate: @Sendable (inout Block) -> Void) async throws -> Block {
        guard let parentBlock = blocks[parent] else { throw ChainBuilderError.unknownBlock(parent) }
        let seal = Seal.proofOfAuthority(ProofOfAuthoritySeal(authority: TestKeys.producer.publicKey, signature: ChainBuilder.emptySignature))
        let timestamp = parentBlock.header.timestamp + 10
        var block: Block
        do {
            block = try await generator.blockTemplate(parent: parentBlock.id, transactions: transactions, timestamp: timestamp, seal: seal)
        } catch {
            // The transactions break a state rule, so there is no state root to commit to.
            let header = BlockHeader(
                chainId: params.chainId, height: parentBlock.header.height + 1, parent: parentBlock.id,
                merkleRoot: MerkleTree.root(of: transactions.map(\.id)), stateRoot: .zero, timestamp: timestamp, seal: seal)
            block = Block(header: header, transactions: transactions)
        }
        mutate(&block)
        blocks[name] = block
        return block
    }

    /// A block signed by nobody: `FakeConsensusEngine` never checks seals.
    static let emptySignature: Signature = {
        do { return try Signature(bytes: [UInt8](repeating: 0, count: 64)) } catch {
            preconditionFailure("64 bytes make a signature value")
        }
    }()

    /// A transaction from `key` on the test chain, signed.
    public nonisolated func transaction(_ key: TestKey, nonce: UInt64, fee: UInt64 = 1, _ payload: TransactionPayload) -> Transaction {
        var transaction = Transaction(
            chainId: params.chainId, sender: key.publicKey, nonce: nonce, fee: Amount(baseUnits: fee), payload: payload,
            signature: ChainBuilder.emptySignature)
        transaction.signature = key.sign(transaction.signingBytes)
        return transaction
    }
}

/// Why the builder could not build a block.
public enum ChainBuilderError: Error, Sendable {
    /// No block has that name.
    case unknownBlock(String)
    /// The generator chain refused the block (the scenario built an invalid block with `build`
    /// instead of `buildMutated`).
    case generatorRejected(String, ChainRejection)
}

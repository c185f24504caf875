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

/// Shared pieces of the P2P tests: dev-chain ledgers over in-memory stores, block production
/// by the dev authority, started services on loopback, and polling with generous deadlines.
enum P2PHarness {
    /// A fixed clock far past every test block, so no block is "too new".
    static let clock: @Sendable () -> Int64 = { 2_000_000_000 }

    /// The dev chain's parameters.
    static func devParams() throws -> ChainParams { try DevChain.params() }

    /// Dev-chain parameters with the same chain id but another genesis (a later timestamp).
    static func otherGenesisParams() throws -> ChainParams {
        let dev = try DevChain.params()
        return try ChainParams(
            chainId: dev.chainId, network: dev.network, genesisTimestamp: dev.genesisTimestamp + 1, consensus: dev.consensus,
            blockReward: dev.blockReward, prefunded: dev.prefunded, fingerprint: dev.fingerprint, modelId: dev.modelId,
            maxBlockBytes: dev.maxBlockBytes, maxTransactionsPerBlock: dev.maxTransactionsPerBlock)
    }

    /// A ledger on `params` over an empty in-memory store, verified by the engine the
    /// parameters name (proof of authority for the dev chain).
    static func ledger(_ params: ChainParams) throws -> Ledger {
        let engine = try ConsensusEngineFactory.make(params: params)
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: engine, licences: FakeLicenceEngine(), clock: clock)
        return Ledger(chain: chain, mempool: Mempool(chain: chain), clock: clock)
    }

    /// A block on `ledger`'s tip with `transactions`, sealed by the dev authority, not yet accepted.
    static func nextBlock(on ledger: Ledger, _ transactions: [Transaction] = []) async throws -> Block {
        let params = ledger.chain.params
        let tip = await ledger.chain.tip
        let parent = try #require(try ledger.store.blockEntry(id: tip.id)).header
        let authority = try DevChain.authority()
        let placeholder = try Signature(bytes: [UInt8](repeating: 0, count: 64))
        let template = try await ledger.chain.blockTemplate(
            parent: tip.id, transactions: transactions, timestamp: parent.timestamp + 1,
            seal: .proofOfAuthority(ProofOfAuthoritySeal(authority: authority.publicKey, signature: placeholder)))
        let producer = try sealer(params)
        return try await producer.produce(template, parent: parent, chain: StoreChainView(params: params, store: ledger.store))
    }

    /// One dev-authority sealer per genesis, kept: its engine caches authority snapshots, so
    /// a long chain is not walked back to genesis for every block.
    private static let sealers = Mutex<[Hash256: any BlockProducer]>([:])

    private static func sealer(_ params: ChainParams) throws -> any BlockProducer {
        if let kept = sealers.withLock({ $0[params.genesisId] }) { return kept }
        let authority = try DevChain.authority()
        let producer = try ConsensusEngineFactory.makeProducer(
            engine: try ConsensusEngineFactory.make(params: params),
            role: .authority(authority.publicKey, sign: { message in try authority.signature(for: message) }))
        sealers.withLock { $0[params.genesisId] = producer }
        return producer
    }

    /// Produces a block on `ledger` and accepts it as this node's own.
    @discardableResult
    static func produce(on ledger: Ledger, _ transactions: [Transaction] = []) async throws -> Block {
        let block = try await nextBlock(on: ledger, transactions)
        let outcome = await ledger.accept(block, local: true)
        #expect(outcome.status == .connected)
        return block
    }

    /// A transfer of `amount` from dev account `from` to dev account `to`, signed.
    static func transfer(from: Int, to: Int, nonce: UInt64 = 0, fee: UInt64 = 1, amount: UInt64 = 5) throws -> Transaction {
        let sender = try DevChain.account(from)
        var transaction = Transaction(
            chainId: DevChain.chainId, sender: sender.publicKey, nonce: nonce, fee: Amount(baseUnits: fee),
            payload: .transfer(Transfer(to: Address(publicKey: try DevChain.account(to).publicKey), amount: Amount(baseUnits: amount))),
            signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
        transaction.signature = try sender.signature(for: transaction.signingBytes)
        return transaction
    }

    /// A started service for `ledger` on 127.0.0.1, port 0, dialling `peers`. Unless
    /// `outboundTarget` says otherwise it dials nothing else, so a test's topology is the one
    /// its `peers` lists draw; `addressBookPath` keeps the book there.
    static func service(_ ledger: Ledger, name: String, peers: [String] = [], port: Int = 0, outboundTarget: Int = 0,
                        addressBookPath: String? = nil, logger given: Logger? = nil) async throws -> (P2PService, Int) {
        var logger = Logger(label: "p2p-test.\(name)")
        logger.logLevel = .warning
        let service = P2PService(
            ledger: ledger, params: ledger.chain.params, host: "127.0.0.1", port: port, peers: peers, maxPeers: 16,
            outboundTarget: outboundTarget, addressBookPath: addressBookPath,
            identity: try DevChain.key(label: "p2p-test/\(name)"), logger: given ?? logger)
        let bound = try await service.start()
        return (service, bound)
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass; returns its last value.
    static func eventually(within seconds: Int = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}

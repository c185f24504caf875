import FolioChain
import FolioConsensus
import FolioCore
import FolioPoA
import FolioStore
import FolioTestSupport
import Foundation

extension Workload {
    /// The transfers of `make`, in blocks sealed for real by the test chain's one authority
    /// (`TestKeys.producer`, the proof-of-authority set of `ChainBuilder.params`). `make`'s
    /// blocks carry an empty signature that only `FakeConsensusEngine` accepts; a node checks
    /// seals with the engine its genesis names, in its header checks and on import, so the
    /// sync benchmark (B8) needs blocks that engine accepts.
    static func makeSealed(blockCount: Int, perBlock: Int, accounts: Int = 64) async throws -> Workload {
        let params = try ChainBuilder.params(prefund: keys(accounts).map { ($0, 1_000_000_000) })
        guard let engine = ProofOfAuthorityEngine(chain: params) else { throw ToolError.failed("no proof-of-authority engine") }
        let store = InMemoryChainStore()
        let generator = try Chain(params: params, store: store, engine: engine, licences: FakeLicenceEngine(),
                                  clock: { Int64(Date().timeIntervalSince1970) })
        let authority = TestKeys.producer
        let sealer = ProofOfAuthoritySealer(engine: engine, authority: authority.publicKey, sign: { authority.sign($0) })
        let placeholder = Seal.proofOfAuthority(ProofOfAuthoritySeal(
            authority: authority.publicKey, signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount))))
        let batches = transfers(try ChainBuilder(params: params), blockCount: blockCount, perBlock: perBlock, accounts: accounts)
        var blocks: [Block] = []
        for transactions in batches {
            let tip = await generator.tip
            guard let parent = try store.blockEntry(id: tip.id)?.header else { throw ToolError.failed("the generator lost its tip") }
            // The block pays its reward and fees to the seal's authority, which the sealer keeps,
            // so the state root of the template holds for the sealed block.
            let template = try await generator.blockTemplate(
                parent: tip.id, transactions: transactions, timestamp: parent.timestamp + 10, seal: placeholder)
            let block = try await sealer.produce(template, parent: parent, chain: StoreChainView(params: params, store: store))
            guard case .connected = await generator.accept(block).status else {
                throw ToolError.failed("the generator refused sealed block \(block.header.height)")
            }
            blocks.append(block)
        }
        return Workload(params: params, blocks: blocks)
    }
}

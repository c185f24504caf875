import FolioChain
import FolioCore
import FolioCrypto
import FolioPoW
import FolioTestSupport
import Testing
@testable import FolioNode

/// The offences R5 names (docs/BENCHMARKS.md), one crafted block each, with the words the
/// node must give when it refuses the block: the stable reason codes of docs/consensus.md and
/// `ChainReason`, written out here rather than read from the code under test.
enum ByzantineOffence: String, CaseIterable, Sendable {
    /// A properly sealed header whose body carries other transactions.
    case wrongMerkleRoot
    /// A transaction signed by the wrong key inside an otherwise valid, sealed block.
    case badTransactionSignature
    /// A proof-of-work header at the right target whose hash is above it.
    case invalidProofOfWork
    /// A proof-of-authority seal by a key that is not an authority.
    case sealByNonAuthority
    /// The authority's key in the seal, its signature over other bytes.
    case brokenSealSignature
    /// The authority seals a second, different child of a parent it sealed a child of.
    case equivocation
    /// A registration within the duplicate distance of a work someone else registered.
    case nearDuplicateRegistration
    /// A registration whose fingerprint names another model.
    case wrongModelRegistration

    /// The offence as the node logs it (`Misbehaviour.description`).
    var expectedOffence: String {
        switch self {
        case .wrongMerkleRoot: return "invalid block: bad-merkle-root"
        case .badTransactionSignature: return "invalid block: bad-signature"
        case .invalidProofOfWork: return "invalid header: bad-seal"
        case .sealByNonAuthority: return "invalid header: not-authority"
        case .brokenSealSignature: return "invalid header: bad-seal"
        // The header passes: the service's header checks run on an engine of their own, which
        // never saw the first child (this node made it). The chain's engine did, and refuses
        // the body.
        case .equivocation: return "invalid block: equivocation"
        case .nearDuplicateRegistration: return "invalid block: near-duplicate"
        case .wrongModelRegistration: return "invalid block: wrong-fingerprint-model"
        }
    }

    /// Whether the header alone condemns the block, so the node never asks for its body.
    var caughtAtHeader: Bool { expectedOffence.hasPrefix("invalid header") }

    /// Whether the offence is played on a proof-of-work chain. Only the seal offences need
    /// proof of authority. A block whose body breaks a rule must still carry a seal that
    /// passes, which on the dev chain only its single authority can make: a sibling of it
    /// is then the authority's own equivocation, so the node's next block would be refused
    /// by the honest peer (it saw the bad header, relayed before validation) and, once the
    /// chain's engine has checked the bad header, by the node itself. On proof of work
    /// anyone can seal, as a real attacker would.
    var onProofOfWork: Bool {
        switch self {
        case .sealByNonAuthority, .brokenSealSignature, .equivocation: return false
        default: return true
        }
    }

    /// The loopback address the attacker connects from: its own per offence, so a refusal
    /// can only be this offence's discouragement.
    var source: String { "127.0.0.\(2 + (Self.allCases.firstIndex(of: self) ?? 0))" }
}

/// Chains for the Byzantine tests and the blocks an attacker crafts on them. Blocks the chain
/// would refuse to template are built by hand: header fields, `MerkleTree.root` of the
/// transaction ids, then the seal (mined, or the authority's Ed25519 signature over
/// `BlockHeader.signingBytes` as the proof-of-authority sealer makes it).
enum ByzantineBlocks {
    /// The work account 1 registers on every test chain.
    static let registeredFingerprint = Fingerprint(bytes: SHA256.hash(Array("byzantine: the registered work".utf8)).bytes)

    /// The history a test node and its honest peer share before the attack: a block in which
    /// account 1 registers `registeredFingerprint`, then one with a transfer, made by the node
    /// (mined, or sealed by the dev authority).
    static func history(on node: Ledger, honest: Ledger) async throws {
        let fingerprint = try #require(registeredFingerprint)
        let register = try registration(by: 1, nonce: 0, title: "registered", fingerprint: fingerprint, modelId: node.chain.params.modelId)
        for transactions in [[register], [try P2PHarness.transfer(from: 1, to: 2, nonce: 1)]] {
            let block = try await next(on: node, transactions)
            #expect(await node.accept(block, local: true).status == .connected)
            #expect(await honest.accept(block, local: false).status == .connected)
        }
    }

    /// A valid block on `node`'s tip with `transactions` (as far as the template checks
    /// them), sealed for the node's engine; not accepted.
    static func next(on node: Ledger, _ transactions: [Transaction]) async throws -> Block {
        guard case .proofOfWork = node.chain.params.consensus else { return try await P2PHarness.nextBlock(on: node, transactions) }
        let tip = await node.chain.tip
        let parent = try #require(try node.store.blockEntry(id: tip.id)).header
        var block = try await node.chain.blockTemplate(parent: tip.id, transactions: transactions, timestamp: parent.timestamp + 1,
                                                       seal: .proofOfWork(ProofOfWorkSeal(bits: 0)))
        block.header = PoWHarness.mined(block.header, parent: parent, engine: try PoWHarness.engine(node.chain.params))
        return block
    }

    /// The block that commits `offence`, on `node`'s tip (equivocation: beside it).
    static func craft(_ offence: ByzantineOffence, on node: Ledger) async throws -> Block {
        let params = node.chain.params
        let tip = await node.chain.tip
        let tipHeader = try #require(try node.store.blockEntry(id: tip.id)).header
        switch offence {
        case .wrongMerkleRoot:
            let sealed = try await next(on: node, [try P2PHarness.transfer(from: 3, to: 4)])
            return Block(header: sealed.header, transactions: [try P2PHarness.transfer(from: 5, to: 6)])
        case .badTransactionSignature:
            // The template applies transactions without checking signatures, so its roots are
            // those of the block as if the signature were good.
            var forged = try P2PHarness.transfer(from: 3, to: 4)
            forged.signature = try DevChain.account(5).signature(for: forged.signingBytes)
            return try await next(on: node, [forged])
        case .invalidProofOfWork:
            return try await unmined(on: node, parent: tipHeader)
        case .sealByNonAuthority:
            let stranger = try DevChain.key(label: "byzantine/stranger")
            let template = try await node.chain.blockTemplate(parent: tip.id, transactions: [], timestamp: tipHeader.timestamp + 1,
                                                               seal: try placeholderSeal(stranger.publicKey))
            return Block(header: try sealed(template.header, by: stranger), transactions: [])
        case .brokenSealSignature:
            let authority = try DevChain.authority()
            let template = try await node.chain.blockTemplate(parent: tip.id, transactions: [], timestamp: tipHeader.timestamp + 1,
                                                               seal: try placeholderSeal(authority.publicKey))
            var other = template.header
            other.timestamp += 1
            let signature = try authority.signature(for: other.signingBytes)
            var header = template.header
            header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: authority.publicKey, signature: signature))
            return Block(header: header, transactions: [])
        case .equivocation:
            // The tip is the authority's own child of its parent; this is another one, valid
            // in every other respect (the template applies it on that parent).
            let authority = try DevChain.authority()
            let template = try await node.chain.blockTemplate(
                parent: tipHeader.parent, transactions: [try P2PHarness.transfer(from: 3, to: 4)], timestamp: tipHeader.timestamp,
                seal: try placeholderSeal(authority.publicKey))
            #expect(template.header.parent == tipHeader.parent && template.header.height == tipHeader.height && template.id != tip.id)
            return Block(header: try sealed(template.header, by: authority), transactions: template.transactions)
        case .nearDuplicateRegistration:
            // Three bits from account 1's work, well within the dev chain's duplicate distance
            // (12), and account 2 holds no share in it.
            var bytes = try #require(registeredFingerprint).bytes
            bytes[0] ^= 0b0000_0111
            let copy = try #require(Fingerprint(bytes: bytes))
            let register = try registration(by: 2, nonce: 0, title: "a copy", fingerprint: copy, modelId: params.modelId)
            return try mined(on: tipHeader, [register], params: params)
        case .wrongModelRegistration:
            let fingerprint = try #require(Fingerprint(bytes: SHA256.hash(Array("byzantine: an unrelated work".utf8)).bytes))
            let register = try registration(by: 2, nonce: 0, title: "other model", fingerprint: fingerprint,
                                            modelId: SHA256.hash(Array("byzantine: not the chain's model".utf8)))
            return try mined(on: tipHeader, [register], params: params)
        }
    }

    /// A block after `parent` with `transactions`, mined by hand because the chain's template
    /// refuses them. The state root is the parent's: the true root after a block the chain
    /// refuses does not exist, and the rule broken is checked first.
    static func mined(on parent: BlockHeader, _ transactions: [Transaction], params: ChainParams) throws -> Block {
        let header = BlockHeader(chainId: params.chainId, height: parent.height + 1, parent: parent.id,
                                 merkleRoot: MerkleTree.root(of: transactions.map(\.id)), stateRoot: parent.stateRoot,
                                 timestamp: parent.timestamp + 1, seal: .proofOfWork(ProofOfWorkSeal(bits: 0)))
        return Block(header: PoWHarness.mined(header, parent: parent, engine: try PoWHarness.engine(params)), transactions: transactions)
    }

    /// A template on `parent` (the tip) at the target the engine expects, with the first
    /// nonce whose hash is above that target.
    static func unmined(on node: Ledger, parent: BlockHeader) async throws -> Block {
        let engine = try PoWHarness.engine(node.chain.params)
        let bits = engine.expectedBits(after: parent)
        let target = try #require(CompactTarget.target(from: bits))
        var block = try await node.chain.blockTemplate(parent: parent.id, transactions: [], timestamp: parent.timestamp + 1,
                                                       seal: .proofOfWork(ProofOfWorkSeal(bits: bits)))
        var seal = ProofOfWorkSeal(bits: bits)
        for nonce in UInt64(0)..<1_000 {
            seal.nonce = nonce
            block.header.seal = .proofOfWork(seal)
            if block.header.proofOfWorkValue > target { return block }
        }
        Issue.record("no nonce in 1,000 misses the easiest target")
        return block
    }

    /// `header` sealed by `key` (its public key in the seal, its signature over the signing bytes).
    static func sealed(_ header: BlockHeader, by key: PrivateKey) throws -> BlockHeader {
        var header = header
        header.seal = try placeholderSeal(key.publicKey)
        let signature = try key.signature(for: header.signingBytes)
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: key.publicKey, signature: signature))
        return header
    }

    static func placeholderSeal(_ authority: PublicKey) throws -> Seal {
        .proofOfAuthority(ProofOfAuthoritySeal(authority: authority, signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))))
    }

    /// Dev account `account` registers a work with `fingerprint` by `modelId`, owning it whole.
    static func registration(by account: Int, nonce: UInt64, title: String, fingerprint: Fingerprint,
                             modelId: ModelId) throws -> Transaction {
        let sender = try DevChain.account(account)
        let payload = RegisterWork(
            title: title, metadataHash: SHA256.hash(Array("metadata \(title)".utf8)), mediaType: .text,
            contentHash: SHA256.hash(Array("content \(title)".utf8)), fingerprint: fingerprint, modelId: modelId,
            owners: [Ownership(owner: Address(publicKey: sender.publicKey), share: Ownership.wholeShare)], parents: [])
        var transaction = Transaction(chainId: DevChain.chainId, sender: sender.publicKey, nonce: nonce, fee: Amount(baseUnits: 1),
                                      payload: .registerWork(payload), signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
        transaction.signature = try sender.signature(for: transaction.signingBytes)
        return transaction
    }
}

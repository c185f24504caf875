import FolioCrypto

/// The genesis block, derived from the parameters alone so every node builds the same bytes.
extension ChainParams {
    /// The genesis header: version 1, height 0, parent zero, the merkle root of no
    /// transactions, `stateRoot` = the parameters' `id`, the genesis timestamp, and a seal that
    /// is never checked: the initial bits with zero nonces for PoW; the first authority with
    /// an all-zero signature for PoA.
    public var genesisHeader: BlockHeader {
        let seal: Seal
        switch consensus {
        case let .proofOfWork(pow):
            seal = .proofOfWork(ProofOfWorkSeal(bits: pow.initialBits))
        case let .proofOfAuthority(poa):
            // Validation guarantees at least one authority.
            seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: poa.authorities[0], signature: .genesisPlaceholder))
        }
        return BlockHeader(
            chainId: chainId, height: 0, parent: .zero, merkleRoot: MerkleTree.root(of: []), stateRoot: id,
            timestamp: genesisTimestamp, seal: seal)
    }

    /// The genesis block: the genesis header and no transactions. Prefunded balances are
    /// state the chain creates from `prefunded`, not transactions.
    public var genesisBlock: Block { Block(header: genesisHeader, transactions: []) }

    /// The genesis block id, which names the chain to peers.
    public var genesisId: Hash256 { genesisHeader.id }
}

extension Signature {
    /// Sixty-four zero bytes: the genesis header's unchecked PoA signature.
    static let genesisPlaceholder: Signature = {
        do { return try Signature(bytes: [UInt8](repeating: 0, count: 64)) } catch {
            preconditionFailure("64 bytes are always a well-formed signature value: \(error)")
        }
    }()
}

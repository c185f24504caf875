import FolioCore

extension Seal {
    /// A seal that fills a template before the engine seals it, and that dry runs use: the
    /// first authority with an empty signature (proof of authority) or the genesis bits.
    static func placeholder(for params: ChainParams) -> Seal? {
        switch params.consensus {
        case let .proofOfWork(pow):
            return .proofOfWork(ProofOfWorkSeal(bits: pow.initialBits))
        case let .proofOfAuthority(poa):
            guard let authority = poa.authorities.first,
                  let signature = try? Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount))
            else { return nil }
            return .proofOfAuthority(ProofOfAuthoritySeal(authority: authority, signature: signature))
        }
    }
}

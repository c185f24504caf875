import FolioChain
import FolioConsensus
import FolioPeer

extension LedgerChainBackend {
    /// A consensus error as a verdict: the peer's fault is `invalid` (punished), anything else
    /// (local policy, our own failure) is refused without blame.
    static func verdict(_ error: ValidationError) -> ChainVerdict {
        switch error.owner {
        case .peer: return .invalid(error.reason)
        case .localPolicy, .local: return .rejectedByPolicy(error.reason)
        }
    }

    /// What `Chain.accept` did with a block, as a verdict. A block on a side branch is valid
    /// and stored, so it counts as accepted; an orphan has an unknown parent; a duplicate is
    /// already known and never punished.
    static func verdict(_ status: BlockStatus) -> ChainVerdict {
        switch status {
        case .connected, .reorganized, .sideChain: return .accepted
        case .orphan: return .unknownParent
        case .duplicate: return .alreadyKnown
        case let .rejected(rejection): return verdict(rejection.error)
        }
    }

    /// Reason codes a transaction breaks on its own, whatever the chain state: only a peer
    /// that never checked what it relays sends one, so it is punished. Every other refusal
    /// (nonce, balance, fee, near-duplicate at this tip, a full pool) may be an honest race
    /// and costs the peer nothing.
    static let contextFreeReasons: Set<String> = [
        ChainReason.badSignature, ChainReason.wrongChainId, ChainReason.badShares, ChainReason.badPeriod,
    ]

    /// A refused submission's code as a verdict.
    static func transactionVerdict(code: String) -> ChainVerdict {
        if code == "already-known" { return .alreadyKnown }
        let reason = code.hasPrefix("invalid:") ? String(code.dropFirst("invalid:".count)) : code
        if code.hasPrefix("invalid:") || contextFreeReasons.contains(reason) { return .invalid(reason) }
        return .rejectedByPolicy(code)
    }
}

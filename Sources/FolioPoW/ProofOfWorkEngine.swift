import FolioConsensus
import FolioCore

/// The proof-of-work verifier: link and time rules, then the ASERT target, then the hash.
///
/// The ASERT anchor is genesis: its target is the genesis `initialBits` (also the easiest
/// target allowed, `powLimit`) and its parent's time is taken as the genesis time minus one
/// spacing, so a chain exactly on schedule (block h at genesis + h × spacing) keeps the
/// initial target.
public struct ProofOfWorkEngine: ConsensusEngine {
    /// The engine's parameters from genesis.
    public let params: ProofOfWorkParams
    /// The genesis time, the ASERT schedule's origin.
    public let genesisTimestamp: Int64
    /// The genesis target: the anchor target and the easiest target allowed.
    public let powLimit: UInt256

    /// An engine for a chain with these parameters; `nil` if they are not proof of work.
    public init?(chain: ChainParams) {
        guard case let .proofOfWork(pow) = chain.consensus,
              let limit = CompactTarget.target(from: pow.initialBits) else { return nil }
        params = pow
        genesisTimestamp = chain.genesisTimestamp
        powLimit = limit
    }

    /// `pow`.
    public var name: String { ProofOfWork.engineName }

    /// The compact target a child of `parent` must carry.
    public func expectedBits(after parent: BlockHeader) -> UInt32 {
        let spacing = Int64(params.targetSpacingSeconds)
        let (heightDelta, tooHigh) = Int64.clampedFrom(parent.height)
        let timeDelta = parent.timestamp.subtractingReportingOverflow(genesisTimestamp - spacing)
        let target = ASERT.nextTarget(
            anchorTarget: powLimit,
            timeDelta: timeDelta.overflow ? (parent.timestamp < 0 ? .min : .max) : timeDelta.partialValue,
            heightDelta: tooHigh ? .max : heightDelta, spacing: spacing,
            halfLife: Int64(params.halfLifeSeconds), powLimit: powLimit)
        return CompactTarget.bits(for: target)
    }

    public func verifyHeader(_ header: BlockHeader, parent: BlockHeader, chain: some ChainView,
                             now: Int64) throws(ValidationError) {
        guard case let .proofOfWork(seal) = header.seal else { throw .peer(ValidationError.Reason.wrongSealKind) }
        try HeaderLinkRule.check(header, parent: parent, params: chain.params)
        guard let target = CompactTarget.target(from: seal.bits), seal.bits == expectedBits(after: parent) else {
            throw .peer(ValidationError.Reason.badTarget)
        }
        guard header.proofOfWorkValue <= target else { throw .peer(ValidationError.Reason.badSeal) }
        try TimestampRule.check(header, parent: parent, chain: chain, now: now)
    }

    /// 2^256 / (target + 1) for the header's own bits.
    public func score(of header: BlockHeader, parent: BlockHeader, chain: some ChainView) throws(ValidationError) -> ChainWork {
        guard case let .proofOfWork(seal) = header.seal, let target = CompactTarget.target(from: seal.bits) else {
            throw .peer(ValidationError.Reason.badTarget)
        }
        return ProofOfWorkMath.work(forTarget: target)
    }
}

extension Int64 {
    /// `value` as Int64, and whether it had to be clamped.
    static func clampedFrom(_ value: UInt64) -> (Int64, Bool) {
        value > UInt64(Int64.max) ? (.max, true) : (Int64(value), false)
    }
}

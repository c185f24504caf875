import FolioConsensus
import FolioCore

extension BlockHeader {
    /// The proof-of-work hash read as a number: the block id (double SHA-256 of the canonical
    /// bytes) as a 256-bit little-endian integer.
    public var proofOfWorkValue: UInt256 { UInt256(littleEndianHash: id) }
}

/// Work arithmetic for fork choice.
public enum ProofOfWorkMath {
    /// The expected number of hashes to meet `target`: 2^256 / (target + 1), computed as
    /// (2^256 − 1 − target) / (target + 1) + 1 so nothing exceeds 256 bits.
    public static func work(forTarget target: UInt256) -> ChainWork {
        let (divisor, overflow) = target.addingReportingOverflow(UInt256(1))
        // target = 2^256 − 1: one hash always suffices.
        guard !overflow, let division = UInt256.max.subtractingReportingOverflow(target).partialValue
            .quotientAndRemainder(dividingBy: divisor) else { return ChainWork(1) }
        return ChainWork(division.quotient.saturatingAdd(UInt256(1)))
    }
}

import FolioConsensus
import FolioCore

/// A verifying engine for tests of the chain: accepts any seal, optionally fails at one
/// height, and scores every header the same.
public struct FakeConsensusEngine: ConsensusEngine {
    /// Reported as the engine name.
    public var name: String { "fake" }
    /// Headers at this height fail with `failureReason` (peer fault); `nil` fails none.
    public var failAtHeight: UInt64?
    /// The reason code a failing height reports.
    public var failureReason: String
    /// What each header adds to its branch's score.
    public var scorePerHeader: ChainWork
    /// Whether the shared link and timestamp rules still run (the seal is never checked).
    public var checksSharedRules: Bool
    /// How the chain picks between branches of equal score.
    public var tieBreak: TieBreak

    /// An engine that accepts any seal; see the properties for the knobs.
    public init(failAtHeight: UInt64? = nil, failureReason: String = ValidationError.Reason.badSeal,
                scorePerHeader: ChainWork = ChainWork(1), checksSharedRules: Bool = false, tieBreak: TieBreak = .firstSeen) {
        self.failAtHeight = failAtHeight
        self.failureReason = failureReason
        self.scorePerHeader = scorePerHeader
        self.checksSharedRules = checksSharedRules
        self.tieBreak = tieBreak
    }

    /// Throws at `failAtHeight`, runs the shared rules if asked, and accepts anything else.
    public func verifyHeader(_ header: BlockHeader, parent: BlockHeader, chain: some ChainView,
                             now: Int64) throws(ValidationError) {
        if header.height == failAtHeight { throw .peer(failureReason) }
        if checksSharedRules {
            try HeaderLinkRule.check(header, parent: parent, params: chain.params)
            try TimestampRule.check(header, parent: parent, chain: chain, now: now)
        }
    }

    /// `scorePerHeader`, whatever the header.
    public func score(of header: BlockHeader, parent: BlockHeader, chain: some ChainView) throws(ValidationError) -> ChainWork {
        scorePerHeader
    }
}

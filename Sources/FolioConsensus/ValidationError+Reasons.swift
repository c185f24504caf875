extension ValidationError {
    /// The stable reason codes consensus checks use. Peer scoring and tests match on these
    /// strings, so a code never changes meaning once released.
    public enum Reason {
        /// The seal does not prove what it claims (hash above target, signature invalid).
        public static let badSeal = "bad-seal"
        /// The seal is for a different engine than the chain runs.
        public static let wrongSealKind = "wrong-seal-kind"
        /// The compact target is malformed or is not the one difficulty adjustment requires.
        public static let badTarget = "bad-target"
        /// The timestamp is more than the allowed drift ahead of this node's clock.
        public static let timeTooNew = "time-too-new"
        /// The timestamp is not above the median of the previous eleven blocks.
        public static let timeTooOld = "time-too-old"
        /// A proof-of-authority block came before its parent's time plus the block period.
        public static let tooSoon = "too-soon"
        /// An out-of-turn authority sealed before the in-turn authority's grace delay ran out.
        public static let outOfTurnTooSoon = "out-of-turn-too-soon"
        /// The sealing key is not in the authority set at the parent.
        public static let notAuthority = "not-authority"
        /// The authority sealed one of the last floor(N/2) blocks already.
        public static let recentlySigned = "recently-signed"
        /// The authority already sealed a different block at this height (evidence is kept).
        public static let equivocation = "equivocation"
        /// The header's height is not its parent's plus one.
        public static let badHeight = "bad-height"
        /// The header names another chain.
        public static let wrongChain = "wrong-chain"
        /// The header version is not one this software accepts.
        public static let badVersion = "bad-version"
        /// The parent is not the header the check was given.
        public static let badParent = "bad-parent"
        /// An ancestor (or its authority votes) the check needs is not in the local view.
        public static let missingAncestor = "missing-ancestor"
    }

    /// A peer-fault error for `reason`.
    public static func peer(_ reason: String) -> ValidationError { ValidationError(reason: reason, owner: .peer) }
}

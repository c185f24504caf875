import FolioCore

/// The block-time rule every engine shares.
///
/// A header's timestamp must be strictly above the median of its parent and the parent's ten
/// ancestors (so a run of false timestamps cannot walk time backwards), and at most
/// `maxFutureDrift` seconds ahead of this node's clock. The clock is passed in, never read here.
public enum TimestampRule {
    /// How many blocks the median spans.
    public static let medianWindow = 11
    /// How far ahead of local time a header may be, in seconds.
    public static let maxFutureDrift: Int64 = 15

    /// The median of `values` (the upper median for an even count; `0` for none).
    public static func median(_ values: [Int64]) -> Int64 {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }

    /// Checks `header.timestamp` against the median time past at `parent` and against `now`.
    ///
    /// Too old is the peer's fault. Too new is only this node's judgement now (the header may
    /// be fine once the clock catches up, or our clock may be slow), so it is `.localPolicy`.
    public static func check(_ header: BlockHeader, parent: BlockHeader, chain: some ChainView,
                             now: Int64) throws(ValidationError) {
        guard header.timestamp > chain.medianTimePast(at: parent) else {
            throw .peer(ValidationError.Reason.timeTooOld)
        }
        let (limit, overflow) = now.addingReportingOverflow(maxFutureDrift)
        guard overflow || header.timestamp <= limit else {
            throw ValidationError(reason: ValidationError.Reason.timeTooNew, owner: .localPolicy)
        }
    }
}

import FolioCore
import FolioWire

/// One peer's low-work branch, followed without storing it, as bitcoind's headers pre-sync
/// does. While counting, each full batch adds its work to a running total and its last id to a
/// list of checkpoints; nothing else is kept. Once the total reaches the threshold, the branch
/// is asked for again from its anchor and stored batch by batch, each batch cut at the next
/// checkpoint and stored only if it holds it: a header id commits to every header before it,
/// so the peer cannot swap in other headers the second time.
struct HeaderPresync: Equatable, Sendable {
    /// Longest branch followed: the header tree holds at most 50,000 headers anyway.
    static let maxHeaders = 50_000

    /// Where the branch stands while counting.
    private(set) var branch: LowWorkBranch
    /// The last id of each full batch counted, in order (at most `maxHeaders` / 2,000).
    private(set) var checkpoints: [Hash256]
    /// While downloading again: the header where the work reached the threshold. Nil while
    /// counting.
    private(set) var target: Hash256?
    /// While downloading again: the checkpoints stored so far.
    private(set) var matched = 0
    /// The parent the next batch must start from.
    private(set) var expectedParent: Hash256

    /// Starts following `branch`, which a full batch left below the threshold.
    init(branch: LowWorkBranch) {
        self.branch = branch
        checkpoints = branch.tipId.map { [$0] } ?? []
        expectedParent = branch.tipId ?? branch.anchor
    }

    /// Whether the branch is being downloaded again (its work proved enough).
    var isRedownloading: Bool { target != nil }

    /// Whether `headers` starts where the next batch of this branch must.
    func continues(_ headers: [BlockHeader]) -> Bool { headers.first?.parent == expectedParent }

    /// The `getheaders` that asks for the next batch.
    var nextRequest: GetHeadersMessage { GetHeadersMessage(locator: [expectedParent]) }

    /// Counting: `branch` is the branch after another batch that stayed low. Returns false when
    /// it must be dropped: the batch was not full (the peer has no more), or the branch grew
    /// past `maxHeaders`.
    mutating func counted(_ branch: LowWorkBranch, fullBatch: Bool) -> Bool {
        guard fullBatch, branch.length <= Self.maxHeaders, let tip = branch.tipId else { return false }
        self.branch = branch
        checkpoints.append(tip)
        expectedParent = tip
        return true
    }

    /// Counting: the batch `headers` took the branch's work to the threshold at `index`. The
    /// branch is asked for again from its anchor.
    mutating func reached(at index: Int, of headers: [BlockHeader]) {
        guard headers.indices.contains(index) else { return }
        target = headers[index].id
        matched = 0
        expectedParent = branch.anchor
    }

    /// The id the next batch downloaded again must hold.
    private var nextCommitment: Hash256? {
        matched < checkpoints.count ? checkpoints[matched] : target
    }

    /// Downloading again: the leading part of `headers` that is committed to, up to and
    /// including the next checkpoint (or the target); nil when the batch does not hold it or
    /// its headers do not follow one another.
    func committedPrefix(of headers: [BlockHeader]) -> [BlockHeader]? {
        guard isRedownloading, continues(headers), let commitment = nextCommitment else { return nil }
        for index in headers.indices {
            if index > 0 && headers[index].parent != headers[index - 1].id { return nil }
            if headers[index].id == commitment { return Array(headers[...index]) }
        }
        return nil
    }

    /// Downloading again: the committed prefix ending at the next commitment was stored.
    /// Returns true when the whole branch, up to the target, is in.
    mutating func stored() -> Bool {
        guard let commitment = nextCommitment else { return true }
        expectedParent = commitment
        if commitment == target { return true }
        matched += 1
        return false
    }
}

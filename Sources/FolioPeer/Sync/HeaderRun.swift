import FolioCore

/// A branch's cumulative work as the chain backend measures it (for proof of work, the sum of
/// 2^256 / (target + 1) over its headers). The peer protocol only carries it from one
/// `acceptHeaders` call to the next; only the backend reads it.
package struct BranchWork: Equatable, Sendable {
    /// The backend's encoding (32 bytes, big-endian, for `LedgerChainBackend`).
    package let bytes: [UInt8]

    /// A measure in the backend's encoding.
    package init(bytes: [UInt8]) { self.bytes = bytes }
}

/// A valid branch a peer showed us whose work has not reached the threshold (our tip's work):
/// none of its headers is stored. What is kept is what checking its next headers needs, so a
/// peer sending a long low-work branch costs a bounded, small amount of memory.
package struct LowWorkBranch: Equatable, Sendable {
    /// The stored block (or held header) the branch forks from.
    package var anchor: Hash256
    /// Its newest headers, oldest first, at most `recentLimit`: the next header's checks (link,
    /// target, median time past) need no more.
    package var recent: [BlockHeader]
    /// The branch's work from genesis to `recent.last`.
    package var work: BranchWork
    /// Headers past the anchor counted so far.
    package var length: Int

    /// Headers of context kept: the median time past spans 11.
    package static let recentLimit = 11

    /// A branch forking from `anchor`.
    package init(anchor: Hash256, recent: [BlockHeader], work: BranchWork, length: Int) {
        self.anchor = anchor
        self.recent = Array(recent.suffix(Self.recentLimit))
        self.work = work
        self.length = length
    }

    /// The id the next header's parent must be.
    package var tipId: Hash256? { recent.last?.id }
}

/// Why a run of headers was not stored (or not all of it).
package enum HeaderRunRefusal: Equatable, Sendable {
    /// The first header's parent is not known.
    case unknownParent
    /// A header breaks a consensus rule (or the run is not a chain): the peer's fault.
    case invalid(String)
    /// Refused without blame (the header tree is full, a header is ahead of our clock, a store failure).
    case rejectedByPolicy(String)
    /// Every header is valid but the branch's work stays below the threshold: nothing past the
    /// stored prefix was stored; `branch` is where the branch stands.
    case lowWork(LowWorkBranch)
    /// Only when continuing a low-work branch: the run is valid and the branch's work reaches
    /// the threshold at header `index`. Nothing was stored (the branch's earlier headers are
    /// not held); the caller downloads the branch again from its anchor.
    case enoughWork(index: Int)
}

/// What the backend did with the headers of one `headers` message.
package struct HeaderRunOutcome: Equatable, Sendable {
    /// How many leading headers are now held (stored now or known already); their bodies may
    /// be fetched.
    package var held: Int
    /// How many of those (a leading part) were held before this run.
    package var known: Int
    /// Why the rest was not held; nil when every header was.
    package var refusal: HeaderRunRefusal?

    /// An outcome.
    package init(held: Int, known: Int, refusal: HeaderRunRefusal?) {
        self.held = held
        self.known = known
        self.refusal = refusal
    }
}

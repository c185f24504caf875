import FolioCore
import FolioStore

/// For each work, the works registered later that declare it a parent.
///
/// The store keeps a work's parents only in the derivative's own record, so "derived from X"
/// has no store read. This index is built by the node from the main chain's blocks, read
/// forward from genesis, at most `blocksPerRead` blocks per question, so a question costs a
/// bounded amount of work however far behind the index is (a page then says how far it got).
/// A reorganisation is noticed by comparing the ids of the last `reorgWindow` indexed blocks
/// with the main chain: the index drops what it took from blocks that left the main chain and
/// reads forward again; a fork deeper than the window rebuilds it from genesis.
///
/// Memory grows with the chain, not with questions: one entry (a 32-byte id and a height) per
/// declared parent of every registered derivative, at most `Limits.parentsPerWork` each.
actor DerivativeIndex {
    private let store: any ChainStore
    private let blocksPerRead: UInt64
    private let reorgWindow: Int
    /// Parent → derivatives, in chain order.
    private var children: [WorkId: [Derivative]] = [:]
    /// Ids of the last indexed main-chain blocks, the newest (at `indexedHeight`) last.
    private var recent: [Hash256] = []
    /// The height of the last indexed block; nil before any.
    private var indexedHeight: UInt64?

    /// An index over `store`'s main chain.
    init(store: any ChainStore, blocksPerRead: Int = 2_000, reorgWindow: Int = 256) {
        self.store = store
        self.blocksPerRead = UInt64(max(blocksPerRead, 1))
        self.reorgWindow = max(reorgWindow, 1)
    }

    /// The first `limit` derivatives of `work` in chain order, their number, and how far the
    /// index has read, after following the main chain by at most `blocksPerRead` blocks.
    func derivatives(of work: WorkId, limit: Int) throws(StoreError) -> DerivativeList {
        let tip = try catchUp()
        let all = children[work] ?? []
        return DerivativeList(
            derivatives: all.prefix(max(limit, 0)).map { DerivativeList.Entry(id: $0.id.hex, height: $0.height) },
            total: all.count, indexedHeight: indexedHeight ?? 0, tipHeight: tip)
    }

    /// Follows the main chain up to `blocksPerRead` blocks; returns the tip height it saw.
    private func catchUp() throws(StoreError) -> UInt64 {
        guard let tip = try store.tip() else { return 0 }
        try rewindIfForked()
        var next = indexedHeight.map { $0 + 1 } ?? 0
        let last = min(tip.height, next + blocksPerRead - 1)
        while next <= last {
            guard let block = try store.block(atHeight: next) else { break }
            // The main chain moved between two reads: stop here; the next question rewinds.
            if let previous = recent.last, block.header.parent != previous { break }
            take(block)
            recent.append(block.id)
            if recent.count > reorgWindow { recent.removeFirst(recent.count - reorgWindow) }
            indexedHeight = next
            next += 1
        }
        return tip.height
    }

    /// Drops what came from indexed blocks that are no longer on the main chain.
    private func rewindIfForked() throws(StoreError) {
        guard var height = indexedHeight else { return }
        // recent[position] is the block indexed at `height`; both step back together.
        var position = recent.count - 1
        while position >= 0, try store.mainChainId(atHeight: height) != recent[position] {
            position -= 1
            height = height &- 1
        }
        if position == recent.count - 1 { return }
        guard position >= 0 else {
            children = [:]
            recent = []
            indexedHeight = nil
            return
        }
        for (parent, list) in children {
            let kept = list.filter { $0.height <= height }
            children[parent] = kept.isEmpty ? nil : kept
        }
        recent.removeLast(recent.count - 1 - position)
        indexedHeight = height
    }

    private func take(_ block: Block) {
        for transaction in block.transactions {
            guard case let .registerWork(registration) = transaction.payload, !registration.parents.isEmpty else { continue }
            var seen = Set<WorkId>()
            for parent in registration.parents where seen.insert(parent).inserted {
                children[parent, default: []].append(Derivative(id: transaction.id, height: block.header.height))
            }
        }
    }

    private struct Derivative {
        let id: WorkId
        let height: UInt64
    }
}

/// Works registered as derivatives of one work, as far as the node has indexed the chain.
public struct DerivativeList: Sendable, Equatable {
    /// One derivative: its work id (hex) and the height of the block that registered it.
    public struct Entry: Sendable, Equatable {
        /// The derivative's work id, hex.
        public let id: String
        /// The height it was registered at.
        public let height: UInt64
    }

    /// The first derivatives in chain order (at most the limit asked for).
    public let derivatives: [Entry]
    /// How many derivatives the index holds, listed or not.
    public let total: Int
    /// The last main-chain height the index has read.
    public let indexedHeight: UInt64
    /// The main chain's height when asked.
    public let tipHeight: UInt64

    /// Whether the index had read the whole main chain.
    public var isComplete: Bool { indexedHeight >= tipHeight }
}

import FolioChain
import FolioConsensus
import FolioCore
import FolioPeer

/// Header acceptance with the low-work rule (docs/p2p.md, "Low-work headers"): a run of
/// headers enters the header tree only if the branch it ends has at least the threshold's
/// work, so a branch mined cheaply from an old block costs this node a check, nothing kept.
extension LedgerChainBackend {
    func acceptHeaders(_ headers: [BlockHeader], continuing branch: LowWorkBranch?, proven: Bool) async -> HeaderRunOutcome {
        guard !headers.isEmpty else { return HeaderRunOutcome(held: 0, known: 0, refusal: nil) }
        // Read first: the chain is another actor, and nothing below awaits, so the tree the
        // run is checked against is the one it is stored in.
        let tipId = await ledger.chain.tip.id
        let ids = headers.map(\.id)
        for index in headers.indices.dropFirst() where headers[index].parent != ids[index - 1] {
            return HeaderRunOutcome(held: 0, known: 0, refusal: .invalid("headers do not connect"))
        }
        guard let threshold = threshold(tipId: tipId) else {
            return HeaderRunOutcome(held: 0, known: 0, refusal: .rejectedByPolicy("store failure"))
        }
        var known = 0
        if branch == nil {
            while known < headers.count, isHeld(ids[known]) { known += 1 }
        }
        if known == headers.count { return HeaderRunOutcome(held: known, known: known, refusal: nil) }

        var view = HeaderOverlayView(params: params, store: store, tree: tree)
        guard var (parent, work, parentStored) = start(of: headers[known], continuing: branch, view: &view) else {
            return HeaderRunOutcome(held: known, known: known, refusal: .unknownParent)
        }
        let now = clock()
        var works: [ChainWork?] = []
        var stop: HeaderRunRefusal?
        // Once the engine could not judge a header (its ancestors' bodies are missing), it
        // cannot judge the later ones either: asking again would walk the whole run back for
        // each header (quadratic; a 2,000-header proof-of-authority batch took minutes).
        var engineJudges = engine != nil
        for header in headers[known...] {
            do throws(ValidationError) {
                if engineJudges {
                    engineJudges = try check(header, parent: parent, parentStored: parentStored, view: view, now: now)
                } else {
                    try HeaderLinkRule.check(header, parent: parent, params: params)
                }
            } catch {
                stop = error.owner == .peer ? .invalid(error.reason) : .rejectedByPolicy(error.reason)
                break
            }
            work = engineJudges ? measure(header, parent: parent, parentWork: work, view: view) : nil
            works.append(work)
            view.add(header)
            parent = header
            parentStored = false
        }
        let reaches = { (work: ChainWork?) in work.map { $0 >= threshold } ?? true }

        if let branch {
            if let stop { return HeaderRunOutcome(held: 0, known: 0, refusal: stop) }
            if let index = works.firstIndex(where: reaches) {
                return HeaderRunOutcome(held: 0, known: 0, refusal: .enoughWork(index: index))
            }
            return HeaderRunOutcome(held: 0, known: 0, refusal: .lowWork(LowWorkBranch(
                anchor: branch.anchor, recent: branch.recent + headers, work: Self.branchWork(work),
                length: branch.length + headers.count)))
        }
        if case .invalid = stop { return HeaderRunOutcome(held: known, known: known, refusal: stop) }
        guard let endWork = works.last else { return HeaderRunOutcome(held: known, known: known, refusal: stop) }
        guard proven || reaches(endWork) else {
            // A refusal by policy part-way (a header ahead of our clock) ends the branch here.
            if let stop { return HeaderRunOutcome(held: known, known: known, refusal: stop) }
            let valid = Array(headers[..<(known + works.count)])
            return HeaderRunOutcome(held: known, known: known, refusal: .lowWork(LowWorkBranch(
                anchor: headers[known].parent, recent: valid, work: Self.branchWork(endWork), length: works.count)))
        }
        for (offset, header) in headers[known..<(known + works.count)].enumerated() {
            timings.heard(ids[known + offset])
            guard tree.insert(header, work: works[offset]) else {
                return HeaderRunOutcome(held: known + offset, known: known, refusal: .rejectedByPolicy(
                    "header store full (\(tree.capacity) headers ahead of validation)"))
            }
        }
        return HeaderRunOutcome(held: known + works.count, known: known, refusal: stop)
    }

    /// The work a branch must have for its headers to be held: our tip's, or the most work
    /// among headers already held ahead of validation if that is more (so during a long sync a
    /// cheap branch from genesis does not beat a still-low validated tip). Nil on a store failure.
    private func threshold(tipId: Hash256) -> ChainWork? {
        guard let entry = (try? store.blockEntry(id: tipId)) ?? nil, let value = UInt256(bigEndian: entry.score) else {
            return nil
        }
        return max(ChainWork(value), tree.mostWork ?? .zero)
    }

    /// Whether a header with `id` is held: in the tree, or its block stored.
    private func isHeld(_ id: Hash256) -> Bool {
        tree.contains(id) || ((try? store.blockEntry(id: id)) ?? nil) != nil
    }

    /// The parent of a run's first new header, its branch's work, and whether it is a stored
    /// block; nil when the parent is unknown. A continued branch's context goes into `view`.
    private func start(of first: BlockHeader, continuing branch: LowWorkBranch?,
                       view: inout HeaderOverlayView) -> (BlockHeader, ChainWork?, Bool)? {
        if let branch {
            guard let last = branch.recent.last, last.id == first.parent,
                  let value = UInt256(bigEndian: branch.work.bytes) else { return nil }
            for header in branch.recent { view.add(header) }
            return (last, ChainWork(value), false)
        }
        if let entry = (try? store.blockEntry(id: first.parent)) ?? nil {
            return (entry.header, UInt256(bigEndian: entry.score).map(ChainWork.init), true)
        }
        if let header = tree.header(first.parent) { return (header, tree.work(first.parent), false) }
        return nil
    }

    /// The engine's full header check; returns whether the engine judged the header. When
    /// the parent is not a stored block and the engine needs what only stored blocks give
    /// (proof of authority: the votes in their bodies), the link rule alone, as before this
    /// rule, and false.
    private func check(_ header: BlockHeader, parent: BlockHeader, parentStored: Bool, view: HeaderOverlayView,
                       now: Int64) throws(ValidationError) -> Bool {
        guard let engine else {
            try HeaderLinkRule.check(header, parent: parent, params: params)
            return false
        }
        do throws(ValidationError) {
            try engine.verifyHeader(header, parent: parent, chain: view, now: now)
            return true
        } catch where !parentStored && error.reason == ValidationError.Reason.missingAncestor && error.owner == .local {
            try HeaderLinkRule.check(header, parent: parent, params: params)
            return false
        }
    }

    /// The branch's work at `header`: its parent's plus the engine's score; nil when either is
    /// unknown (no engine, or a proof-of-authority header the engine cannot judge yet).
    private func measure(_ header: BlockHeader, parent: BlockHeader, parentWork: ChainWork?,
                         view: HeaderOverlayView) -> ChainWork? {
        guard let engine, let parentWork else { return nil }
        guard let score = try? engine.score(of: header, parent: parent, chain: view) else { return nil }
        return parentWork + score
    }

    /// A work as the peer protocol carries it (zero when not measured: a branch is only
    /// carried when its work was measured).
    static func branchWork(_ work: ChainWork?) -> BranchWork {
        BranchWork(bytes: (work ?? .zero).value.bigEndianBytes)
    }
}

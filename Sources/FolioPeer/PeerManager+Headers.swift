import FolioCore
import FolioWire

/// Header-first sync: `headers` messages, the low-work rule (docs/p2p.md, "Low-work headers")
/// and the per-peer pre-sync of branches longer than a batch.
extension PeerManager {
    /// Header-first sync: the chain checks the run and holds it if its branch has enough
    /// work; bodies are scheduled for held headers we lack; a full batch asks for more. A
    /// low-work branch is followed without storing it (`HeaderPresync`).
    func receiveHeaders(_ headers: [BlockHeader], from peer: Int) async -> [PeerAction] {
        let relayed = peers[peer]?.awaitingHeaders == false
        peers[peer]?.awaitingHeaders = false
        for header in headers { peers[peer]?.known.insert(header.id) }
        if let presync = peers[peer]?.presync {
            if presync.continues(headers) { return await continuePresync(presync, headers, from: peer) }
            // The answer to our request for the branch's next batch went elsewhere (or was
            // empty): the peer's chain moved, so stop following. A header it relays meanwhile
            // leaves the branch alone.
            if !relayed { peers[peer]?.presync = nil }
        }
        let outcome = await chain.acceptHeaders(headers, continuing: nil, proven: false)
        switch outcome.refusal {
        case nil:
            await scheduleBodies(headers, relayed: relayed, from: peer)
            let more = headers.count == WireLimits.headers
                ? send([.getHeaders(GetHeadersMessage(locator: await chain.headerLocator()))], to: peer) : []
            return more + assignDownloads()
        case .unknownParent:
            // An announced tip we cannot link yet: ask this peer for the path to it, unless a
            // branch of its is being followed (that answer is coming).
            guard peers[peer]?.presync == nil else { return [] }
            return send([.getHeaders(GetHeadersMessage(locator: await chain.headerLocator()))], to: peer)
        case let .invalid(reason):
            return misbehaved(peer, .invalidHeader(reason))
        case .rejectedByPolicy:
            await scheduleBodies(Array(headers.prefix(outcome.held)), relayed: relayed, from: peer)
            return assignDownloads()
        case let .lowWork(branch):
            // Valid headers on a branch lighter than ours: nothing stored, no body asked for,
            // and no blame (an honest peer may still be on a branch we have left). A full
            // batch may be the start of a long branch that ends heavier: count it.
            await scheduleBodies(Array(headers.prefix(outcome.held)), relayed: relayed, from: peer)
            guard headers.count == WireLimits.headers, branch.length <= HeaderPresync.maxHeaders else {
                return assignDownloads()
            }
            let presync = HeaderPresync(branch: branch)
            peers[peer]?.presync = presync
            return send([.getHeaders(presync.nextRequest)], to: peer) + assignDownloads()
        case .enoughWork:
            return []
        }
    }

    /// The next batch of a low-work branch being followed: counted while its work stays low;
    /// once it reaches ours, downloaded again and stored one committed batch at a time.
    private func continuePresync(_ presync: HeaderPresync, _ headers: [BlockHeader], from peer: Int) async -> [PeerAction] {
        var presync = presync
        if presync.isRedownloading {
            guard let committed = presync.committedPrefix(of: headers) else {
                // Not the headers counted (the peer's chain may have moved): stop following.
                peers[peer]?.presync = nil
                return []
            }
            let outcome = await chain.acceptHeaders(committed, continuing: nil, proven: true)
            await scheduleBodies(Array(committed.prefix(outcome.held)), relayed: false, from: peer)
            if case let .invalid(reason) = outcome.refusal { return misbehaved(peer, .invalidHeader(reason)) }
            guard outcome.refusal == nil else {
                peers[peer]?.presync = nil
                return assignDownloads()
            }
            let done = presync.stored()
            peers[peer]?.presync = done ? nil : presync
            // Done: the rest of the branch past the target is held the ordinary way.
            return send([.getHeaders(presync.nextRequest)], to: peer) + assignDownloads()
        }
        let outcome = await chain.acceptHeaders(headers, continuing: presync.branch, proven: false)
        switch outcome.refusal {
        case let .lowWork(branch):
            let more = presync.counted(branch, fullBatch: headers.count == WireLimits.headers)
            peers[peer]?.presync = more ? presync : nil
            return more ? send([.getHeaders(presync.nextRequest)], to: peer) : []
        case let .enoughWork(index):
            presync.reached(at: index, of: headers)
            peers[peer]?.presync = presync
            return send([.getHeaders(presync.nextRequest)], to: peer)
        case let .invalid(reason):
            peers[peer]?.presync = nil
            return misbehaved(peer, .invalidHeader(reason))
        case nil, .unknownParent, .rejectedByPolicy:
            peers[peer]?.presync = nil
            return []
        }
    }

    /// Notes held headers (relayed, the peer's best height) and schedules the bodies we lack.
    private func scheduleBodies(_ headers: [BlockHeader], relayed: Bool, from peer: Int) async {
        for header in headers {
            let id = header.id
            if relayed { noteRelayed(id, by: peer) }
            if let best = peers[peer]?.bestHeight, header.height > best { peers[peer]?.bestHeight = header.height }
            if !(await haveOrAwaitBody(id)) {
                scheduler.enqueue(id, height: header.height)
                blockSources[id] = peer
            }
        }
    }
}

import FolioAPI
import FolioPeer
import FolioWire

/// What `net_filter` asks of the peer-to-peer service.
protocol PeerFilterControl: Sendable {
    /// Replaces the filter with `entries` (`host:port` listen addresses; empty clears it),
    /// closes the connections it now blocks, and returns the filter in force and how many
    /// connections were closed.
    func setPeerFilter(_ entries: [String]) async throws(PeerFilterError) -> NetFilterResult
    /// The filter in force.
    func peerFilterStatus() async -> NetFilterResult
}

extension P2PService: PeerFilterControl {
    /// Milliseconds between sweeps that close connections the filter blocks: an inbound
    /// connection is known to be a blocked peer's only once its `version` names its listening
    /// port, so a sweep closes it within this long of its handshake.
    static let filterSweepMillis: Int64 = 50

    func setPeerFilter(_ entries: [String]) async throws(PeerFilterError) -> NetFilterResult {
        let filter = try PeerFilter(entries: entries, maxEntries: NetFilterParams.maxBlocked)
        let previous = peerFilter
        peerFilter = filter
        for index in targets.indices {
            guard let address = targets[index].address else { continue }
            if filter.blocks(address), let identity = targets[index].identity { peerFilter.learn(identity) }
            // A peer the filter lets through again is dialled at once, not after its backoff.
            if previous.blocks(address), !filter.blocks(address) { targets[index].schedule = RedialSchedule() }
        }
        await reserveConfiguredAndFiltered()
        let dropped = await sweepFilteredPeers()
        if filter.isEmpty {
            if !previous.isEmpty { logger.info("p2p: peer filter cleared") }
        } else {
            logger.info("p2p: peer filter blocks \(filter.blockedNames.joined(separator: ", ")); closed \(dropped) connections")
        }
        return NetFilterResult(blocked: peerFilter.blockedNames, dropped: dropped)
    }

    func peerFilterStatus() async -> NetFilterResult {
        NetFilterResult(blocked: peerFilter.blockedNames, dropped: 0)
    }

    /// Closes every connection (established or in handshake) the filter blocks; returns how many.
    @discardableResult
    func sweepFilteredPeers() async -> Int {
        guard !peerFilter.isEmpty, let manager, let network else { return 0 }
        var closing: [PeerAction] = []
        for (peer, state) in await manager.peers where peerFilter.blocks(state) {
            if let identity = state.session.remoteIdentity { peerFilter.learn(identity) }
            closing.append(.close(peer: peer, .shuttingDown, "blocked by the peer filter"))
        }
        if !closing.isEmpty { await network.perform(closing) }
        return closing.count
    }

    func startFilterSweeps() {
        tasks.append(Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(P2PService.filterSweepMillis))
                guard let self else { return }
                await self.sweepFilteredPeers()
            }
        })
    }
}

import FolioPeer

extension P2PService {
    /// Milliseconds a change to the discouraged addresses waits before it is written.
    static let defaultDiscouragementSaveMillis: Int64 = 1_000

    /// Sets the wait before a changed discouragement list is written (tests shorten it).
    func setDiscouragementSaveDelay(millis: Int64) { discouragementSaveMillis = max(millis, 1) }

    /// Whether misbehaving loopback peers are only disconnected, not discouraged; takes effect
    /// at `start`. Tests of discouragement over real sockets turn it off.
    func setSparesLoopback(_ spares: Bool) { sparesLoopback = spares }

    /// Unix milliseconds now, on the ledger's clock (the one the manager's unix times use).
    var unixMillisNow: Int64 { ledger.clock() * 1000 }

    /// The addresses kept at `discouragementPath` whose time has not run out, for the manager
    /// to refuse again. A damaged or unreadable file is logged and ignored as a whole; the node
    /// starts either way.
    func loadDiscouragements() -> [Discouragement] {
        guard let discouragementPath else { return [] }
        switch DiscouragementFile.load(path: discouragementPath, nowUnixMillis: unixMillisNow) {
        case let .entries(entries):
            if !entries.isEmpty { logger.info("p2p: \(entries.count) addresses still discouraged, from \(discouragementPath)") }
            return entries
        case .absent:
            return []
        case let .unusable(why):
            logger.warning("p2p: ignoring the discouraged addresses in \(discouragementPath): \(why)")
            return []
        }
    }

    /// The manager discouraged an address: write the list after `discouragementSaveMillis`,
    /// once for every change in that time.
    func discouragementsChanged() {
        guard discouragementPath != nil, discouragementSave == nil else { return }
        let delay = discouragementSaveMillis
        discouragementSave = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(delay))
            guard let self, !Task.isCancelled else { return }
            await self.saveDiscouragements()
        }
    }

    /// Writes the discouraged addresses still in force if they changed since the last write;
    /// failures are logged, not thrown.
    func saveDiscouragements() async {
        discouragementSave = nil
        guard let discouragementPath, let manager else { return }
        let entries = await manager.discouragements()
        let snapshot = DiscouragementSnapshot.encode(entries, nowUnixMillis: unixMillisNow)
        // Nothing kept and no file yet: no need to create an empty one.
        if savedDiscouragements == nil, entries.isEmpty, !SnapshotFile.exists(path: discouragementPath) { return }
        guard snapshot != savedDiscouragements else { return }
        do {
            try DiscouragementFile.save(snapshot, to: discouragementPath)
            savedDiscouragements = snapshot
        } catch {
            logger.warning("p2p: cannot save the discouraged addresses: \(error)")
        }
    }
}

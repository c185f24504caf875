import FolioAPI

/// Turns height samples into a sync status that never lies: `standalone` for a node that
/// expects no peers, `noPeers`, `syncing` with blocks per second and an ETA, `stalled` when
/// validation has not moved for `stallSeconds` while peers know more, else `synced`.
actor SyncTracker {
    /// Seconds without progress while behind before the node says it is stalled.
    let stallSeconds: Double
    private var lastValidated: UInt64 = 0
    private var lastProgressAt: Double?
    private var rate: Double?
    private var previous: (height: UInt64, at: Double)?

    init(stallSeconds: Double = 60) {
        self.stallSeconds = stallSeconds
    }

    /// The status for these heights observed at `now` (seconds on any monotonic clock).
    func status(
        standalone: Bool, knownHeight: UInt64, validatedHeight: UInt64, peers: Int, now: Double
    ) -> SyncStatus {
        if validatedHeight != lastValidated || lastProgressAt == nil {
            lastValidated = validatedHeight
            lastProgressAt = now
        }
        if let previous, now - previous.at >= 1, validatedHeight >= previous.height {
            let sample = Double(validatedHeight - previous.height) / (now - previous.at)
            rate = rate.map { 0.7 * $0 + 0.3 * sample } ?? sample
            self.previous = (validatedHeight, now)
        } else if previous == nil {
            previous = (validatedHeight, now)
        }
        let known = max(knownHeight, validatedHeight)
        if standalone, peers == 0 {
            return SyncStatus(state: .standalone, validatedHeight: validatedHeight, knownHeight: known, peers: 0)
        }
        if peers == 0 {
            return SyncStatus(state: .noPeers, validatedHeight: validatedHeight, knownHeight: known, peers: 0)
        }
        guard known > validatedHeight else {
            return SyncStatus(state: .synced, validatedHeight: validatedHeight, knownHeight: known, peers: peers)
        }
        if let since = lastProgressAt, now - since >= stallSeconds {
            return SyncStatus(state: .stalled, validatedHeight: validatedHeight, knownHeight: known, peers: peers)
        }
        let eta = rate.flatMap { $0 > 0 ? Int((Double(known - validatedHeight) / $0).rounded(.up)) : nil }
        return SyncStatus(
            state: .syncing, validatedHeight: validatedHeight, knownHeight: known, blocksPerSecond: rate,
            etaSeconds: eta, peers: peers)
    }
}

import FolioAPI
import Testing
@testable import FolioNode

/// The sync status never lies: each state from the heights, peers and time it is given, and
/// the log lines the reporter writes for them.
struct SyncStatusTests {
    @Test func aDevNodeWithoutPeersIsStandaloneAndANetworkNodeWithoutPeersSaysSo() async {
        let tracker = SyncTracker()
        #expect(await tracker.status(standalone: true, knownHeight: 5, validatedHeight: 5, peers: 0, now: 0).state == .standalone)
        #expect(await tracker.status(standalone: false, knownHeight: 5, validatedHeight: 5, peers: 0, now: 1).state == .noPeers)
        #expect(await tracker.status(standalone: false, knownHeight: 5, validatedHeight: 5, peers: 2, now: 2).state == .synced)
    }

    @Test func syncingReportsARateAndAnETAFromTheValidatedHeights() async {
        let tracker = SyncTracker()
        _ = await tracker.status(standalone: false, knownHeight: 1000, validatedHeight: 100, peers: 3, now: 0)
        // 100 blocks in 10 s: 10 blocks/s; 800 left: 80 s.
        let status = await tracker.status(standalone: false, knownHeight: 1000, validatedHeight: 200, peers: 3, now: 10)
        #expect(status.state == .syncing)
        #expect(status.blocksPerSecond == 10)
        #expect(status.etaSeconds == 80)
        #expect(status.knownHeight == 1000)
    }

    @Test func noProgressForAMinuteWhilePeersKnowMoreIsStalled() async {
        let tracker = SyncTracker(stallSeconds: 60)
        _ = await tracker.status(standalone: false, knownHeight: 50, validatedHeight: 10, peers: 1, now: 0)
        #expect(await tracker.status(standalone: false, knownHeight: 50, validatedHeight: 10, peers: 1, now: 59).state == .syncing)
        #expect(await tracker.status(standalone: false, knownHeight: 50, validatedHeight: 10, peers: 1, now: 61).state == .stalled)
        // Progress clears it.
        #expect(await tracker.status(standalone: false, knownHeight: 50, validatedHeight: 11, peers: 1, now: 62).state == .syncing)
    }

    @Test func theReporterLogsEverySyncingSampleButOnlyChangesOtherwise() {
        let syncing = SyncStatus(state: .syncing, validatedHeight: 200, knownHeight: 1000, blocksPerSecond: 10, etaSeconds: 80, peers: 3)
        #expect(NodeStatusReporter.line(for: syncing, previous: .syncing)
            == "syncing: validated 200 of 1000 known, 3 peers, 10.0 blocks/s, about 80 s to go")
        let synced = SyncStatus(state: .synced, validatedHeight: 1000, knownHeight: 1000, peers: 3)
        #expect(NodeStatusReporter.line(for: synced, previous: .syncing) == "synced at height 1000 with 3 peers")
        #expect(NodeStatusReporter.line(for: synced, previous: .synced) == nil)
        let standalone = SyncStatus(state: .standalone, validatedHeight: 4, knownHeight: 4, peers: 0)
        #expect(NodeStatusReporter.line(for: standalone, previous: nil) == nil)
    }
}

import FolioAPI
import FolioWallet
import Testing

/// The note a person sees before trusting a node that is not caught up.
@Suite struct NodeSyncNoticeTests {
    func status(_ state: SyncStatus.State, validated: UInt64 = 90, known: UInt64 = 120, eta: Int? = nil) -> SyncStatus {
        SyncStatus(state: state, validatedHeight: validated, knownHeight: known, blocksPerSecond: nil, etaSeconds: eta, peers: 3)
    }

    @Test func syncedAndStandaloneNodesNeedNoNote() {
        #expect(NodeSyncNotice.text(status(.synced)) == nil)
        #expect(NodeSyncNotice.text(status(.standalone)) == nil)
    }

    @Test func aSyncingNodeSaysHowFarAlongItIs() throws {
        let note = try #require(NodeSyncNotice.text(status(.syncing, eta: 42)))
        #expect(note.contains("still syncing (validated 90 of 120 blocks, about 42 s to go)"))
        #expect(note.contains("folio status"))
    }

    @Test func stalledAndPeerlessNodesSaySo() throws {
        #expect(try #require(NodeSyncNotice.text(status(.stalled))).contains("stalled at block 90 of 120"))
        #expect(try #require(NodeSyncNotice.text(status(.noPeers, validated: 7, known: 7))).contains("no peers"))
    }
}

import FolioChain
import FolioCore
import FolioStore
import FolioTestSupport
import Testing

/// The node answers the near-duplicate gate from `SimilarityMirrorStore`'s in-memory index:
/// it must give exactly the SQLite tables' answer after connects, forget a registration a
/// reorg reverts, and rebuild the same answer when the store is opened again.
@Suite struct SimilarityMirrorStoreTests {
    private func mirror(_ s: Scenario) throws -> SimilarityMirrorStore {
        try #require(s.chain.store as? SimilarityMirrorStore)
    }

    @Test func afterConnectsTheMirrorAnswersAsTheTablesDo() async throws {
        let s = try Scenario(store: .mirroredSQLite)
        let base = try await WorkScenarioTests.aliceRegistersBase(s)
        let similar = s.builder.transaction(TestKeys.bob, nonce: 0, WorkScenarioTests.registration(
            "cover", WorkScenarioTests.near(17), owners: WorkScenarioTests.whole(TestKeys.bob)))
        try await s.builder.build("b2", on: "b1", [similar])
        try await s.submit("b2", .connected, tip: "b2")
        let store = try mirror(s)
        #expect(store.mirrorIsCurrent)
        for distance in [0, 16, 17, 40, 64, 256] {
            for query in [WorkScenarioTests.base, WorkScenarioTests.near(9), WorkScenarioTests.near(30)] {
                let answer = try store.works(near: query, within: distance)
                #expect(answer == (try store.base.works(near: query, within: distance)), "within \(distance)")
            }
        }
        #expect(try store.works(near: WorkScenarioTests.near(17), within: 17)
                == [SimilarWork(workId: similar.id, distance: 0), SimilarWork(workId: base, distance: 17)])
    }

    @Test func aRegistrationRevertedByAReorgLeavesTheMirrorAndNoLongerBlocksACopy() async throws {
        let s = try Scenario(store: .mirroredSQLite)
        _ = try await WorkScenarioTests.aliceRegistersBase(s)
        let store = try mirror(s)
        #expect(try store.works(near: WorkScenarioTests.base, within: 0).count == 1)
        // A heavier branch from genesis without the registration replaces b1.
        try await s.builder.build("c1", on: "genesis")
        try await s.submit("c1", .sideChain, tip: "b1")
        try await s.builder.build("c2", on: "c1")
        try await s.submit("c2", .reorganized(depth: 1), tip: "c2")
        #expect(store.mirrorIsCurrent)
        #expect(try store.works(near: WorkScenarioTests.base, within: 64).isEmpty)
        #expect(try store.base.works(near: WorkScenarioTests.base, within: 64).isEmpty)
        // So Bob's copy of the base work is now the first registration and passes the gate.
        let copy = s.builder.transaction(TestKeys.bob, nonce: 0, WorkScenarioTests.registration(
            "copy", WorkScenarioTests.near(3), owners: WorkScenarioTests.whole(TestKeys.bob)))
        try await s.builder.build("c3", on: "c2", [copy])
        try await s.submit("c3", .connected, tip: "c3")
        #expect(try store.works(near: WorkScenarioTests.base, within: 3) == [SimilarWork(workId: copy.id, distance: 3)])
    }

    @Test func openingTheStoreAgainRebuildsTheSameAnswer() async throws {
        let s = try Scenario(store: .mirroredSQLite)
        let base = try await WorkScenarioTests.aliceRegistersBase(s)
        let directory = try #require(s.directory)
        let reopened = try SimilarityMirrorStore(
            SQLiteChainStore(path: directory.url.appendingPathComponent("chain.sqlite").path))
        #expect(try reopened.works(near: WorkScenarioTests.near(5), within: 16) == [SimilarWork(workId: base, distance: 5)])
        #expect(try reopened.workFingerprints().map(\.id) == [base])
    }
}

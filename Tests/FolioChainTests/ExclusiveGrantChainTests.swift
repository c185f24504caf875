import FolioChain
import FolioConsensus
import FolioCore
import FolioLicence
import FolioStore
import FolioTestSupport
import Testing

/// `other_grants` on a real `Chain`: the shipped exclusive EU sync licence is accepted once,
/// and a second acceptance while the first is active is refused by its exclusivity rule.
@Suite struct ExclusiveGrantChainTests {
    typealias F = LicenceFixture

    @Test func aSecondExclusiveSyncLicenceInTheEUIsRefusedWhileTheFirstIsActive() async throws {
        let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1_000), (TestKeys.bob, 50_000), (TestKeys.carol, 50_000)])
        let engine = InterpretedLicenceEngine(params: params)
        let builder = try ChainBuilder(params: params, licences: engine)
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(checksSharedRules: true),
                              licences: engine, clock: { Int64.max / 2 })
        func status(_ name: String) async throws -> BlockStatus { await chain.accept(try #require(await builder.block(name))).status }

        let template = try F.shipped("exclusive-eu-sync")
        let register = builder.transaction(TestKeys.alice, nonce: 0, WorkScenarioTests.registration(
            "score", WorkScenarioTests.base, owners: WorkScenarioTests.whole(TestKeys.alice)))
        let publish = builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
        let offer = builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
            workId: register.id, templateId: template.id, parameters: [F.parameter("film_title", .text("Night Train"))],
            legalTextHash: F.legal)))
        func accept(_ key: TestKey, _ territories: [String]) -> Transaction {
            builder.transaction(key, nonce: 0, .acceptLicence(AcceptLicence(
                offerId: offer.id, useParameters: F.use(.synchronize, territories: territories, target: "Night Train"),
                payment: Amount(baseUnits: 20_000))))
        }
        try await builder.build("b1", on: "genesis", [register, publish, offer])
        #expect(try await status("b1") == .connected)

        // The first acceptance: no other licence grants sync, so it is permitted and paid.
        try await builder.build("b2", on: "b1", [accept(TestKeys.bob, ["FR", "DE"])])
        #expect(try await status("b2") == .connected)
        #expect(try chain.store.account(TestKeys.alice.address)?.balance.baseUnits == 1_000 - 3 + 20_000)

        // Carol's, even for Italy alone, meets Bob's active EU grant: refused, nothing paid.
        try await builder.buildMutated("b3", on: "b2", [accept(TestKeys.carol, ["IT"])]) { _ in }
        guard case let .rejected(rejection) = try await status("b3") else {
            Issue.record("a second exclusive EU sync licence connected")
            return
        }
        #expect(rejection.reason == ChainReason.licenceRefused)
        #expect(try chain.store.account(TestKeys.carol.address)?.balance.baseUnits == 50_000)

        // On a chain without Bob's licence, Carol's acceptance is the first, and is permitted.
        try await builder.build("c2", on: "b1", [accept(TestKeys.carol, ["IT"])])
        // (The builder ran the block before sealing it; the chain keeps it as a side chain.)
        #expect(try await status("c2") == .sideChain)
    }
}

import FolioChain
import FolioConsensus
import FolioCore
import FolioLicence
import FolioStore
import FolioTestSupport
import Testing

/// A real `Chain` running the interpreter: publish → offer → accept → report under the shipped
/// PIL commercial-remix template, with balances worked out by hand.
@Suite struct InterpretedLicenceEngineChainTests {
    typealias F = LicenceFixture

    struct Setup {
        let builder: ChainBuilder
        let chain: Chain

        init() throws {
            let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1_000), (TestKeys.bob, 10_000)])
            let engine = InterpretedLicenceEngine(params: params)
            builder = try ChainBuilder(params: params, licences: engine)
            chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(checksSharedRules: true),
                              licences: engine, clock: { Int64.max / 2 })
        }

        func submit(_ name: String) async throws -> BlockOutcome {
            await chain.accept(try #require(await builder.block(name)))
        }

        func balance(_ key: TestKey) throws -> UInt64 { try chain.store.account(key.address)?.balance.baseUnits ?? 0 }
    }

    @Test func publishOfferAcceptReportSplitsEveryPaymentExactlyAmongTheCoOwners() async throws {
        let s = try Setup()
        let template = try F.shipped("pil-commercial-remix")
        let owners = [Ownership(owner: TestKeys.alice.address, share: 60_000_000),
                      Ownership(owner: TestKeys.carol.address, share: 40_000_000)]
        let register = s.builder.transaction(TestKeys.alice, nonce: 0, WorkScenarioTests.registration("remixable", WorkScenarioTests.base, owners: owners))
        let publish = s.builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
        let offer = s.builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
            workId: register.id, templateId: template.id,
            parameters: [F.parameter("fee", .int(1_001)), F.parameter("revenue_share", .int(10_000_000))],
            legalTextHash: F.legal)))
        try await s.builder.build("b1", on: "genesis", [register, publish, offer])
        #expect(try await s.submit("b1").status == .connected)
        #expect(try s.chain.store.template(template.id)?.template == template)

        // Without attribution the terms refuse the acceptance, so the block is invalid.
        let unattributed = s.builder.transaction(TestKeys.bob, nonce: 0, .acceptLicence(AcceptLicence(
            offerId: offer.id, useParameters: F.use(.distribute), payment: Amount(baseUnits: 1_001))))
        try await s.builder.buildMutated("bad", on: "b1", [unattributed]) { _ in }
        guard case let .rejected(rejection) = try await s.submit("bad").status else {
            Issue.record("an unattributed acceptance connected")
            return
        }
        #expect(rejection.reason == ChainReason.licenceRefused)

        // Fee 1,001 split 60/40: 600.6 → 600 and 400.4 → 400; the unit left goes to the larger
        // remainder, Alice's.
        let accept = s.builder.transaction(TestKeys.bob, nonce: 0, .acceptLicence(AcceptLicence(
            offerId: offer.id, useParameters: F.use(.distribute, attributed: true), payment: Amount(baseUnits: 1_001))))
        // Revenue 12,345 at 10% = 1,234.5 → 1,234; split 60/40: 740.4 → 740 and 493.6 → 493; the
        // unit left goes to the larger remainder, Carol's (the chain's own split would give it
        // to the larger share, Alice: the terms' split decides).
        let report = s.builder.transaction(TestKeys.bob, nonce: 1, .reportUsage(ReportUsage(
            licenceId: accept.id, action: "distribute", count: 1,
            period: UsagePeriod(start: Scenario.start - 86_400, end: Scenario.start),
            revenue: Amount(baseUnits: 12_345), payment: Amount(baseUnits: 1_234))))
        try await s.builder.build("b2", on: "b1", [accept, report])
        #expect(try await s.submit("b2").status == .connected)

        // Fees of 1 per transaction go to the producer.
        #expect(try s.balance(TestKeys.alice) == 1_000 - 3 + 601 + 740)
        #expect(try s.balance(TestKeys.carol) == 400 + 494)
        #expect(try s.balance(TestKeys.bob) == 10_000 - 2 - 1_001 - 1_234)
        let licence = try #require(try s.chain.store.licence(accept.id))
        #expect(licence.state == .active)
        #expect(licence.totalPaid == Amount(baseUnits: 1_001 + 1_234))
    }
}

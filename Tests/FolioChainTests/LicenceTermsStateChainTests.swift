import FolioChain
import FolioConsensus
import FolioCore
import FolioLicence
import FolioStore
import FolioTestSupport
import Testing

/// A licence's counters and variables persist between transactions on a real `Chain`: under
/// the shipped per-stream royalty, a second report in a month is priced on the month's
/// running total, and a report after two unreported months suspends the licence (which
/// needs the previous report's month). Blocks sit at Scenario.start, 2023-11-14.
@Suite struct LicenceTermsStateChainTests {
    typealias F = LicenceFixture

    /// 2023-07-01 and 2023-10-01, 00:00 UTC.
    static let july2023: Int64 = 1_688_169_600
    static let october2023: Int64 = 1_696_118_400

    struct Setup {
        let builder: ChainBuilder
        let chain: Chain
        let licence: Hash256

        /// Alice registers and offers a track (Carol performer, Dave producer); Bob accepts.
        init() async throws {
            let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1_000), (TestKeys.bob, 100_000)])
            let engine = InterpretedLicenceEngine(params: params)
            builder = try ChainBuilder(params: params, licences: engine)
            chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(checksSharedRules: true),
                              licences: engine, clock: { Int64.max / 2 })
            let template = try F.shipped("per-stream-royalty")
            let register = builder.transaction(TestKeys.alice, nonce: 0, WorkScenarioTests.registration(
                "track", WorkScenarioTests.base, owners: WorkScenarioTests.whole(TestKeys.alice)))
            let publish = builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
            let offer = builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
                workId: register.id, templateId: template.id,
                parameters: [F.parameter("performer", .party(TestKeys.carol.address)), F.parameter("producer", .party(TestKeys.dave.address))],
                legalTextHash: F.legal)))
            let accept = builder.transaction(TestKeys.bob, nonce: 0, .acceptLicence(AcceptLicence(
                offerId: offer.id, useParameters: F.use(.stream), payment: .zero)))
            licence = accept.id
            try await builder.build("b1", on: "genesis", [register, publish, offer, accept])
            #expect(await chain.accept(try #require(await builder.block("b1"))).status == .connected)
        }

        func report(_ nonce: UInt64, month: Int64, streams: UInt64, paying payment: UInt64) -> Transaction {
            builder.transaction(TestKeys.bob, nonce: nonce, .reportUsage(ReportUsage(
                licenceId: licence, action: "stream", count: streams, period: UsagePeriod(start: month, end: month + 86_400),
                revenue: .zero, payment: Amount(baseUnits: payment))))
        }

        func submit(_ name: String, on parent: String, _ transactions: [Transaction]) async throws -> BlockStatus {
            try await builder.build(name, on: parent, transactions)
            return await chain.accept(try #require(await builder.block(name))).status
        }

        /// Like `submit`, for a block the builder must not validate first (it would refuse it).
        func submitInvalid(_ name: String, on parent: String, _ transactions: [Transaction]) async throws -> BlockStatus {
            try await builder.buildMutated(name, on: parent, transactions) { _ in }
            return await chain.accept(try #require(await builder.block(name))).status
        }

        func balance(_ key: TestKey) throws -> UInt64 { try chain.store.account(key.address)?.balance.baseUnits ?? 0 }
    }

    @Test func aSecondReportInAMonthIsPricedOnTheMonthsRunningTotal() async throws {
        let s = try await Setup()
        // 800,000 streams at 4 per 1,000: 3,200.
        #expect(try await s.submit("b2", on: "b1", [s.report(1, month: Self.october2023, streams: 800_000, paying: 3_200)]) == .connected)
        // 400,000 more: 200,000 fill the first million at 4 per 1,000 (800) and 200,000 go at 3
        // per 1,000 (600): 1,400. Without the stored counter it would be 1,600.
        let overpriced = try await s.submitInvalid("b3x", on: "b2", [s.report(2, month: Self.october2023, streams: 400_000, paying: 1_399)])
        guard case let .rejected(rejection) = overpriced else {
            Issue.record("an underpayment of the tiered price connected")
            return
        }
        #expect(rejection.reason == ChainReason.paymentBelowDue)
        #expect(try await s.submit("b3", on: "b2", [s.report(2, month: Self.october2023, streams: 400_000, paying: 1_400)]) == .connected)
        // 3,200 + 1,400 = 4,600 split 70 : 30 each time: 2,240 + 980 to Carol, 960 + 420 to Dave.
        #expect(try s.balance(TestKeys.carol) == 2_240 + 980)
        #expect(try s.balance(TestKeys.dave) == 960 + 420)
        #expect(try s.chain.store.licence(s.licence)?.termsState.isEmpty == false)
    }

    @Test func aReportAfterTwoUnreportedMonthsSuspendsTheLicence() async throws {
        let s = try await Setup()
        // July, reported in November: 1,000 streams is 4, late by 10% of 4 floored: 4.
        #expect(try await s.submit("b2", on: "b1", [s.report(1, month: Self.july2023, streams: 1_000, paying: 4)]) == .connected)
        #expect(try s.chain.store.licence(s.licence)?.state == .active)
        // October: three months after July, so August and September went unreported.
        #expect(try await s.submit("b3", on: "b2", [s.report(2, month: Self.october2023, streams: 1_000, paying: 4)]) == .connected)
        #expect(try s.chain.store.licence(s.licence)?.state == .suspended)
    }
}

import FolioChain
import FolioCore
import FolioStore
import FolioTestSupport
import Testing

/// Templates, offers, acceptances, usage reports and revocations through `FakeLicenceEngine`
/// (price at acceptance = parameter `price`; usage owes count × `price-per-use`).
@Suite struct LicenceScenarioTests {
    static let template = PublishTemplate(languageVersion: 1, body: .source("pay per use"))

    /// b1: Alice registers a work owned 60% by Alice and 40% by Carol, publishes the template
    /// and offers the work at price 7 and 3 per use. Fees: 1 per transaction.
    static func setUp(_ s: Scenario) async throws -> (work: WorkId, offer: OfferId) {
        let owners = [Ownership(owner: TestKeys.alice.address, share: 60_000_000),
                      Ownership(owner: TestKeys.carol.address, share: 40_000_000)]
        let register = s.builder.transaction(TestKeys.alice, nonce: 0, WorkScenarioTests.registration("song", WorkScenarioTests.base, owners: owners))
        let publish = s.builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
        let offer = s.builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
            workId: register.id, templateId: template.id,
            parameters: [FakeLicenceEngine.parameter("price", 7), FakeLicenceEngine.parameter("price-per-use", 3)],
            legalTextHash: SHA256.hash(Array("legal".utf8)))))
        try await s.builder.build("b1", on: "genesis", [register, publish, offer])
        try await s.submit("b1", .connected, tip: "b1")
        return (register.id, offer.id)
    }

    func accept(_ s: Scenario, _ offer: OfferId, payment: UInt64, nonce: UInt64 = 0) -> Transaction {
        s.builder.transaction(TestKeys.bob, nonce: nonce, .acceptLicence(AcceptLicence(offerId: offer, useParameters: [], payment: Amount(baseUnits: payment))))
    }

    @Test(arguments: StoreKind.allCases)
    func acceptingPaysTheOwnersByShareWithTheRemainderToTheLargestShare(kind: StoreKind) async throws {
        let s = try Scenario(store: kind)
        let (work, offer) = try await Self.setUp(s)
        let acceptance = accept(s, offer, payment: 7)
        try await s.builder.build("b2", on: "b1", [acceptance])
        try await s.submit("b2", .connected, tip: "b2")
        // 7 × 60% = 4.2 → 4, 7 × 40% = 2.8 → 2; the 1 left goes to the larger share (Alice).
        #expect(try s.balance(TestKeys.alice) == 1000 - 3 + 5)
        #expect(try s.balance(TestKeys.carol) == 2)
        #expect(try s.balance(TestKeys.bob) == 1000 - 1 - 7)
        let licence = try #require(try s.chain.store.licence(acceptance.id))
        #expect(licence.workId == work)
        #expect(licence.totalPaid == Amount(baseUnits: 7))
        #expect(try s.chain.store.licences(forWork: work).map(\.id) == [acceptance.id])
        #expect(try s.chain.store.offers(forWork: work).map(\.id) == [offer])
    }

    @Test func aPaymentBelowWhatTheTermsRequireIsRejected() async throws {
        let s = try Scenario()
        let (_, offer) = try await Self.setUp(s)
        try await s.builder.buildMutated("b2", on: "b1", [accept(s, offer, payment: 6)]) { _ in }
        try await s.submit("b2", .rejected(ChainReason.paymentBelowDue), tip: "b1")
    }

    @Test func usageReportsOweCountTimesPricePerUseAndAddToTheTotalPaid() async throws {
        let s = try Scenario()
        let (_, offer) = try await Self.setUp(s)
        let acceptance = accept(s, offer, payment: 7)
        let report = s.builder.transaction(TestKeys.bob, nonce: 1, .reportUsage(ReportUsage(
            licenceId: acceptance.id, action: "stream", count: 4, period: UsagePeriod(start: 0, end: 100),
            revenue: .zero, payment: Amount(baseUnits: 12))))
        try await s.builder.build("b2", on: "b1", [acceptance, report])
        try await s.submit("b2", .connected, tip: "b2")
        // 12 × 60% = 7.2 → 7, 12 × 40% = 4.8 → 4, 1 left to Alice: Alice +8, Carol +4 (after 5 and 2).
        #expect(try s.balance(TestKeys.alice) == 997 + 5 + 8)
        #expect(try s.balance(TestKeys.carol) == 2 + 4)
        #expect(try s.chain.store.licence(acceptance.id)?.totalPaid == Amount(baseUnits: 19))
        let short = s.builder.transaction(TestKeys.bob, nonce: 2, .reportUsage(ReportUsage(
            licenceId: acceptance.id, action: "stream", count: 4, period: UsagePeriod(start: 100, end: 200),
            revenue: .zero, payment: Amount(baseUnits: 11))))
        try await s.builder.buildMutated("b3", on: "b2", [short]) { _ in }
        try await s.submit("b3", .rejected(ChainReason.paymentBelowDue), tip: "b2")
        let stranger = s.builder.transaction(TestKeys.carol, nonce: 0, .reportUsage(ReportUsage(
            licenceId: acceptance.id, action: "stream", count: 0, period: UsagePeriod(start: 100, end: 200),
            revenue: .zero, payment: .zero)))
        try await s.builder.buildMutated("b3x", on: "b2", [stranger]) { _ in }
        try await s.submit("b3x", .rejected(ChainReason.notLicensee), tip: "b2")
    }

    @Test func onlyTheOffererRevokesAndARevokedOfferCannotBeAccepted() async throws {
        let s = try Scenario()
        let (_, offer) = try await Self.setUp(s)
        let byBob = s.builder.transaction(TestKeys.bob, nonce: 0, .revokeOffer(RevokeOffer(offerId: offer)))
        try await s.builder.buildMutated("x", on: "b1", [byBob]) { _ in }
        try await s.submit("x", .rejected(ChainReason.notOfferer), tip: "b1")
        let revoke = s.builder.transaction(TestKeys.alice, nonce: 3, .revokeOffer(RevokeOffer(offerId: offer)))
        try await s.builder.build("b2", on: "b1", [revoke])
        try await s.submit("b2", .connected, tip: "b2")
        try await s.builder.buildMutated("b3", on: "b2", [accept(s, offer, payment: 7)]) { _ in }
        try await s.submit("b3", .rejected(ChainReason.offerRevoked), tip: "b2")
    }

    @Test func templatesAreRefusedByTheEngineOrWhenPublishedTwiceAndOnlyOwnersOffer() async throws {
        let s = try Scenario()
        let (work, _) = try await Self.setUp(s)
        let refused = s.builder.transaction(TestKeys.bob, nonce: 0, .publishTemplate(PublishTemplate(languageVersion: 1, body: .source("reject"))))
        try await s.builder.buildMutated("r", on: "b1", [refused]) { _ in }
        try await s.submit("r", .rejected(ChainReason.licenceRefused), tip: "b1")
        let again = s.builder.transaction(TestKeys.bob, nonce: 0, .publishTemplate(Self.template))
        try await s.builder.buildMutated("d", on: "b1", [again]) { _ in }
        try await s.submit("d", .rejected(ChainReason.duplicateTemplate), tip: "b1")
        let notOwner = s.builder.transaction(TestKeys.bob, nonce: 0, .offerLicence(OfferLicence(
            workId: work, templateId: Self.template.id, parameters: [], legalTextHash: SHA256.hash(Array("l".utf8)))))
        try await s.builder.buildMutated("o", on: "b1", [notOwner]) { _ in }
        try await s.submit("o", .rejected(ChainReason.notAnOwner), tip: "b1")
    }
}

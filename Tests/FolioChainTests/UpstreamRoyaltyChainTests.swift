import FolioChain
import FolioConsensus
import FolioCore
import FolioLicence
import FolioStore
import FolioTestSupport
import Testing

/// Royalties flow upstream through derivative works on a real `Chain` running the shipped
/// derivative-upstream-share terms: Alice's original A; Bob's derivative D of A, registered
/// under a licence from Alice; Carol's derivative E of D under a licence from Bob; Dave
/// licenses E and reports revenue, and 10% of it reaches the owners of D and of A.
@Suite struct UpstreamRoyaltyChainTests {
    typealias F = LicenceFixture
    typealias W = WorkScenarioTests

    /// `base` with bits `range` flipped.
    static func flipped(_ range: Range<Int>) -> Fingerprint? {
        var bytes = W.base.bytes
        for bit in range { bytes[bit / 8] ^= UInt8(1) << UInt8(bit % 8) }
        return Fingerprint(bytes: bytes)
    }

    /// Accepting an offer of these terms to derive: credit given, same terms, the fee of 50.
    static func deriving(_ key: TestKey, nonce: UInt64, offer: Hash256, template: Hash256, builder: ChainBuilder) -> Transaction {
        builder.transaction(key, nonce: nonce, .acceptLicence(AcceptLicence(
            offerId: offer, useParameters: F.use(.derive, attributed: true, derivativeTemplate: template),
            payment: Amount(baseUnits: 50))))
    }

    @Test func derivativesRegisterUnderTheTermsAndRevenuePaysEveryAncestor() async throws {
        let params = try ChainBuilder.params(prefund: [(TestKeys.alice, 1_000), (TestKeys.bob, 1_000), (TestKeys.carol, 1_000),
                                                       (TestKeys.dave, 10_000)])
        let engine = InterpretedLicenceEngine(params: params)
        let builder = try ChainBuilder(params: params, licences: engine)
        let chain = try Chain(params: params, store: InMemoryChainStore(), engine: FakeConsensusEngine(checksSharedRules: true),
                              licences: engine, clock: { Int64.max / 2 })
        func submit(_ name: String) async throws -> BlockOutcome { await chain.accept(try #require(await builder.block(name))) }
        func balance(_ key: TestKey) throws -> UInt64 { try chain.store.account(key.address)?.balance.baseUnits ?? 0 }

        // D is 10 bits from A; E is 12 bits from D and 22 from A: within the duplicate
        // distance (16) of its parent only.
        let dCode = try #require(Self.flipped(0..<10)), eCode = try #require(Self.flipped(0..<22))
        let template = try F.shipped("derivative-upstream-share")
        let original = builder.transaction(TestKeys.alice, nonce: 0, W.registration("A", W.base, owners: W.whole(TestKeys.alice)))
        let publish = builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
        let offerA = builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
            workId: original.id, templateId: template.id, parameters: [], legalTextHash: F.legal)))
        let bobLicence = Self.deriving(TestKeys.bob, nonce: 0, offer: offerA.id, template: template.id, builder: builder)
        try await builder.build("b1", on: "genesis", [original, publish, offerA, bobLicence])
        #expect(try await submit("b1").status == .connected)

        let derivative = builder.transaction(TestKeys.bob, nonce: 1, W.registration("D", dCode, owners: W.whole(TestKeys.bob),
                                                                                      parents: [original.id]))
        let offerD = builder.transaction(TestKeys.bob, nonce: 2, .offerLicence(OfferLicence(
            workId: derivative.id, templateId: template.id, parameters: [], legalTextHash: F.legal)))
        let carolLicence = Self.deriving(TestKeys.carol, nonce: 0, offer: offerD.id, template: template.id, builder: builder)
        try await builder.build("b2", on: "b1", [derivative, offerD, carolLicence])
        #expect(try await submit("b2").status == .connected)
        #expect(try chain.store.work(derivative.id)?.registration.parents == [original.id])

        // Carol's E without declaring D as its parent is a near-duplicate of D.
        let undeclared = builder.transaction(TestKeys.carol, nonce: 1, W.registration("E", eCode, owners: W.whole(TestKeys.carol)))
        try await builder.buildMutated("bad", on: "b2", [undeclared]) { _ in }
        guard case let .rejected(rejection) = try await submit("bad").status else {
            Issue.record("an undeclared near-duplicate connected")
            return
        }
        #expect(rejection.reason == ChainReason.nearDuplicate)

        let grandchild = builder.transaction(TestKeys.carol, nonce: 1, W.registration("E", eCode, owners: W.whole(TestKeys.carol),
                                                                                        parents: [derivative.id]))
        let offerE = builder.transaction(TestKeys.carol, nonce: 2, .offerLicence(OfferLicence(
            workId: grandchild.id, templateId: template.id, parameters: [], legalTextHash: F.legal)))
        let daveLicence = builder.transaction(TestKeys.dave, nonce: 0, .acceptLicence(AcceptLicence(
            offerId: offerE.id, useParameters: F.use(.distribute, attributed: true), payment: Amount(baseUnits: 50))))
        // Revenue 12,345: 10% is 1,234.5, floored to 1,234, paid to the owners of each ancestor
        // of E, nearest first: D (Bob) and A (Alice); 2,468 due in all.
        func report(paying payment: UInt64) -> ReportUsage {
            ReportUsage(licenceId: daveLicence.id, action: "distribute", count: 1,
                        period: UsagePeriod(start: Scenario.start - 86_400, end: Scenario.start),
                        revenue: Amount(baseUnits: 12_345), payment: Amount(baseUnits: payment))
        }
        try await builder.build("b3", on: "b2", [grandchild, offerE, daveLicence])
        #expect(try await submit("b3").status == .connected)

        try await builder.buildMutated("short", on: "b3", [builder.transaction(TestKeys.dave, nonce: 1, .reportUsage(report(paying: 2_467)))]) { _ in }
        guard case let .rejected(underpaid) = try await submit("short").status else {
            Issue.record("an underpaid upstream report connected")
            return
        }
        #expect(underpaid.reason == ChainReason.paymentBelowDue)

        try await builder.build("b4", on: "b3", [builder.transaction(TestKeys.dave, nonce: 1, .reportUsage(report(paying: 2_468)))])
        #expect(try await submit("b4").status == .connected)

        // By hand, fees of 1 per transaction to the producer: Alice 3 transactions, +50 from
        // Bob's fee, +1,234 upstream; Bob 3 transactions, -50 to Alice, +50 from Carol, +1,234;
        // Carol 3 transactions, -50 to Bob, +50 from Dave; Dave 2 transactions, -50, -2,468.
        #expect(try balance(TestKeys.alice) == 1_000 - 3 + 50 + 1_234)
        #expect(try balance(TestKeys.bob) == 1_000 - 3 - 50 + 50 + 1_234)
        #expect(try balance(TestKeys.carol) == 1_000 - 3 - 50 + 50)
        #expect(try balance(TestKeys.dave) == 10_000 - 2 - 50 - 2_468)
    }
}

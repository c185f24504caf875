import FolioChain
import FolioCore
import FolioStore
import FolioTestSupport
import Testing

/// Works: registration, the near-duplicate gate (duplicate 16 bits, similar 40 bits in these
/// parameters), declared derivatives and share transfers.
@Suite struct WorkScenarioTests {
    static let base = Fingerprint(bytes: SHA256.hash(Array("base work".utf8)).bytes)!

    /// `base` with its first `bits` bits flipped: exactly `bits` away.
    static func near(_ bits: Int) -> Fingerprint {
        var bytes = base.bytes
        for bit in 0..<bits { bytes[bit / 8] ^= UInt8(1) << UInt8(bit % 8) }
        return Fingerprint(bytes: bytes)!
    }

    static func registration(_ title: String, _ code: Fingerprint, owners: [Ownership], parents: [WorkId] = [],
                             model: Hash256 = ChainBuilder.modelId) -> TransactionPayload {
        .registerWork(RegisterWork(
            title: title, metadataHash: SHA256.hash(Array(title.utf8)), mediaType: .audio,
            contentHash: SHA256.hash(Array(("content " + title).utf8)), fingerprint: code, modelId: model,
            owners: owners, parents: parents))
    }

    static func whole(_ key: TestKey) -> [Ownership] { [Ownership(owner: key.address, share: Ownership.wholeShare)] }

    /// Alice registers the base work in b1 and returns its id.
    static func aliceRegistersBase(_ s: Scenario) async throws -> WorkId {
        let register = s.builder.transaction(TestKeys.alice, nonce: 0, registration("base", base, owners: whole(TestKeys.alice)))
        try await s.builder.build("b1", on: "genesis", [register])
        try await s.submit("b1", .connected, tip: "b1")
        return register.id
    }

    @Test(arguments: [0, 10, 16])
    func aCopyWithinTheDuplicateDistanceOfSomeoneElsesWorkIsRejectedNamingIt(bits: Int) async throws {
        let s = try Scenario()
        let original = try await Self.aliceRegistersBase(s)
        let copy = s.builder.transaction(TestKeys.bob, nonce: 0, Self.registration("copy", Self.near(bits), owners: Self.whole(TestKeys.bob)))
        try await s.builder.buildMutated("b2", on: "b1", [copy]) { _ in }
        let outcome = try await s.submit("b2", .rejected(ChainReason.nearDuplicate), tip: "b1")
        guard case let .rejected(rejection) = outcome.status else { return }
        #expect(rejection.earlierWork == original)
        #expect(rejection.transactionId == copy.id)
    }

    @Test(arguments: StoreKind.allCases)
    func aWorkJustPastTheDuplicateDistanceIsAcceptedAndLinkedAsSimilar(kind: StoreKind) async throws {
        let s = try Scenario(store: kind)
        let original = try await Self.aliceRegistersBase(s)
        let similar = s.builder.transaction(TestKeys.bob, nonce: 0, Self.registration("cover", Self.near(17), owners: Self.whole(TestKeys.bob)))
        let distant = s.builder.transaction(TestKeys.bob, nonce: 1, Self.registration("other", Self.near(41), owners: Self.whole(TestKeys.bob)))
        try await s.builder.build("b2", on: "b1", [similar])
        try await s.submit("b2", .connected, tip: "b2")
        #expect(try s.chain.store.workLinks(similar.id) == [SimilarWork(workId: original, distance: 17)])
        // 41 bits from the base is past the similarity distance (40), but 24 from "cover".
        try await s.builder.build("b3", on: "b2", [distant])
        try await s.submit("b3", .connected, tip: "b3")
        #expect(try s.chain.store.workLinks(distant.id) == [SimilarWork(workId: similar.id, distance: 24)])
        #expect(try s.chain.store.works(ownedBy: TestKeys.bob.address) == [similar.id, distant.id].sorted())
    }

    @Test func anOwnerMayRegisterANearCopyOfTheirOwnWork() async throws {
        let s = try Scenario()
        let original = try await Self.aliceRegistersBase(s)
        let remaster = s.builder.transaction(TestKeys.alice, nonce: 1, Self.registration("remaster", Self.near(3), owners: Self.whole(TestKeys.alice)))
        try await s.builder.build("b2", on: "b1", [remaster])
        try await s.submit("b2", .connected, tip: "b2")
        #expect(try s.chain.store.workLinks(remaster.id) == [SimilarWork(workId: original, distance: 3)])
    }

    /// Alice offers the base work (template "t") with `parameters`; Bob accepts at price 0.
    static func bobLicensesBase(_ s: Scenario, original: WorkId, parameters: [LicenceParameter]) async throws {
        let template = PublishTemplate(languageVersion: 1, body: .source("t"))
        let publish = s.builder.transaction(TestKeys.alice, nonce: 1, .publishTemplate(template))
        let offer = s.builder.transaction(TestKeys.alice, nonce: 2, .offerLicence(OfferLicence(
            workId: original, templateId: template.id, parameters: parameters, legalTextHash: SHA256.hash(Array("legal".utf8)))))
        let accept = s.builder.transaction(TestKeys.bob, nonce: 0, .acceptLicence(AcceptLicence(offerId: offer.id, useParameters: [], payment: .zero)))
        try await s.builder.build("b2", on: "b1", [publish, offer, accept])
        try await s.submit("b2", .connected, tip: "b2")
    }

    @Test func aDeclaredDerivativeUnderALicenceAllowingDerivativesIsAccepted() async throws {
        let s = try Scenario()
        let original = try await Self.aliceRegistersBase(s)
        try await Self.bobLicensesBase(s, original: original, parameters: [LicenceParameter(name: "derivatives", value: [1])])
        let remix = s.builder.transaction(TestKeys.bob, nonce: 1, Self.registration(
            "remix", Self.near(10), owners: Self.whole(TestKeys.bob), parents: [original]))
        try await s.builder.build("b3", on: "b2", [remix])
        try await s.submit("b3", .connected, tip: "b3")
        #expect(try s.chain.store.workLinks(remix.id) == [SimilarWork(workId: original, distance: 10)])
    }

    @Test func aDeclaredDerivativeWhoseLicenceForbidsDerivativesIsRejected() async throws {
        let s = try Scenario()
        let original = try await Self.aliceRegistersBase(s)
        try await Self.bobLicensesBase(s, original: original, parameters: [])
        let remix = s.builder.transaction(TestKeys.bob, nonce: 1, Self.registration(
            "remix", Self.near(10), owners: Self.whole(TestKeys.bob), parents: [original]))
        try await s.builder.buildMutated("b3", on: "b2", [remix]) { _ in }
        try await s.submit("b3", .rejected(ChainReason.nearDuplicate), tip: "b2")
    }

    @Test func aDeclaredParentWithoutAnyLicenceDoesNotPassTheGate() async throws {
        let s = try Scenario()
        let original = try await Self.aliceRegistersBase(s)
        let remix = s.builder.transaction(TestKeys.bob, nonce: 0, Self.registration(
            "remix", Self.near(10), owners: Self.whole(TestKeys.bob), parents: [original]))
        try await s.builder.buildMutated("b2", on: "b1", [remix]) { _ in }
        try await s.submit("b2", .rejected(ChainReason.nearDuplicate), tip: "b1")
    }

    @Test func registrationRulesRejectAWrongModelAnUnknownParentAndSharesThatDoNotSum() async throws {
        let s = try Scenario()
        let wrongModel = s.builder.transaction(TestKeys.alice, nonce: 0, Self.registration(
            "w", Self.base, owners: Self.whole(TestKeys.alice), model: SHA256.hash(Array("old model".utf8))))
        try await s.builder.buildMutated("m", on: "genesis", [wrongModel]) { _ in }
        try await s.submit("m", .rejected(ChainReason.wrongFingerprintModel), tip: "genesis")
        let orphanParent = s.builder.transaction(TestKeys.alice, nonce: 0, Self.registration(
            "w", Self.base, owners: Self.whole(TestKeys.alice), parents: [SHA256.hash(Array("nothing".utf8))]))
        try await s.builder.buildMutated("p", on: "genesis", [orphanParent]) { _ in }
        try await s.submit("p", .rejected(ChainReason.unknownParentWork), tip: "genesis")
        let short = s.builder.transaction(TestKeys.alice, nonce: 0, Self.registration(
            "w", Self.base, owners: [Ownership(owner: TestKeys.alice.address, share: 99_999_999)]))
        try await s.builder.buildMutated("s", on: "genesis", [short]) { _ in }
        try await s.submit("s", .rejected(ChainReason.badShares), tip: "genesis")
    }

    @Test func sharesMoveBetweenOwnersAndNoOneMovesMoreThanTheyHold() async throws {
        let s = try Scenario()
        let work = try await Self.aliceRegistersBase(s)
        let give = s.builder.transaction(TestKeys.alice, nonce: 1, .transferWorkShare(TransferWorkShare(
            workId: work, to: TestKeys.bob.address, share: 25_000_000)))
        try await s.builder.build("b2", on: "b1", [give])
        try await s.submit("b2", .connected, tip: "b2")
        #expect(try s.chain.store.work(work)?.owners == [
            Ownership(owner: TestKeys.alice.address, share: 75_000_000), Ownership(owner: TestKeys.bob.address, share: 25_000_000),
        ])
        #expect(try s.chain.store.works(ownedBy: TestKeys.bob.address) == [work])
        let tooMuch = s.builder.transaction(TestKeys.bob, nonce: 0, .transferWorkShare(TransferWorkShare(
            workId: work, to: TestKeys.carol.address, share: 25_000_001)))
        try await s.builder.buildMutated("b3", on: "b2", [tooMuch]) { _ in }
        try await s.submit("b3", .rejected(ChainReason.insufficientShare), tip: "b2")
    }
}

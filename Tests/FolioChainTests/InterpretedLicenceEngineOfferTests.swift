import FolioChain
import FolioCore
import FolioLicence
import FolioTestSupport
import Testing

/// Offer parameters against the template's declarations, and derivatives from the terms.
@Suite struct InterpretedLicenceEngineOfferTests {
    typealias F = LicenceFixture
    let engine = LicenceFixture.engine

    func offerReason(_ parameters: [LicenceParameter]) throws -> String? {
        let template = try F.shipped("per-stream-royalty")
        let offer = OfferLicence(workId: F.work, templateId: template.id, parameters: parameters, legalTextHash: F.legal)
        return F.refusal { () throws(LicenceRefusal) in try engine.checkOffer(offer, template: template) }
    }

    let performer = LicenceFixture.parameter("performer", .party(TestKeys.carol.address))
    let producer = LicenceFixture.parameter("producer", .party(TestKeys.dave.address))

    @Test func anOfferNamingEveryParameterWithItsTypePasses() throws {
        #expect(try offerReason([performer, producer]) == nil)
        #expect(try offerReason([producer, performer]) == nil)
    }

    @Test func aMissingParameterIsRefused() throws {
        #expect(try offerReason([performer]) == "offer-parameters: parameter 'producer' (Party) is missing")
    }

    @Test func aParameterOfTheWrongTypeIsRefused() throws {
        #expect(try offerReason([performer, F.parameter("producer", .int(7))]) == "offer-parameters: parameter 'producer' is not a Party")
    }

    @Test func anUndeclaredParameterIsRefused() throws {
        #expect(try offerReason([performer, producer, F.parameter("price", .int(7))])
            == "offer-parameters: the template declares no parameter 'price'")
    }

    @Test func aRepeatedParameterIsRefused() throws {
        #expect(try offerReason([performer, producer, performer]) == "offer-parameters: parameter 'performer' is given twice")
    }

    @Test func bytesThatAreNoLicenceValueAreRefused() throws {
        #expect(try offerReason([performer, LicenceParameter(name: "producer", value: [3, 200])])
            == "offer-parameters: parameter 'producer' is not an encoded licence value")
    }

    // MARK: derivatives

    func allows(_ name: String, _ use: [LicenceParameter], state: LicenceState = .active) throws -> Bool {
        let template = try F.shipped(name)
        let offer = F.offer(template)
        let context = LicenceContext(sender: TestKeys.bob.address, owners: [], position: ChainPosition(height: 2, timestamp: F.january2026))
        return engine.allowsDerivatives(licence: F.licence(issuedAt: F.january2026, use: use, state: state), offer: offer, template: template,
                                        context: context)
    }

    @Test func ccByAllowsAttributedDerivatives() throws {
        #expect(try allows("cc-by-4.0", F.use(.reproduce, attributed: true)))
        #expect(try !allows("cc-by-4.0", F.use(.reproduce)))
    }

    @Test func noDerivativesTermsRefuseThem() throws {
        #expect(try !allows("cc-by-nd-4.0", F.use(.reproduce, attributed: true)))
    }

    /// Share-alike compares the derivative's template with `licence.template`, which the
    /// adapter sets to the chain's `TemplateId`.
    @Test func shareAlikeAllowsOnlyDerivativesUnderTheSameTemplate() throws {
        let same = try F.shipped("cc-by-sa-4.0").id
        #expect(try allows("cc-by-sa-4.0", F.use(.reproduce, attributed: true, derivativeTemplate: same)))
        #expect(try !allows("cc-by-sa-4.0", F.use(.reproduce, attributed: true, derivativeTemplate: F.shipped("cc-by-4.0").id)))
        #expect(try !allows("cc-by-sa-4.0", F.use(.reproduce, attributed: true)))
    }

    @Test func malformedUseParametersAllowNoDerivatives() throws {
        #expect(try !allows("cc-by-4.0", [LicenceParameter(name: "attributed", value: [1])]))
    }
}

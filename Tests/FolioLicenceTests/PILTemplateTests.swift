import FolioCore
import Testing
@testable import FolioLicence

/// The three Programmable IP License presets.
@Suite struct PILTemplateTests {
    typealias H = TemplateHarness

    static func commercial(_ name: String, _ parameters: [String: LicenceValue], state: LicenceTermsState = LicenceTermsState(status: .active)) throws -> Licence {
        licence(try H.shipped(name), parameters: parameters, state: state)
    }

    // Non-commercial social remixing.

    @Test func socialRemixPermitsAnAttributedNonCommercialRemixUnderTheSameTerms() throws {
        let template = try H.shipped("pil-non-commercial-social-remixing")
        let result = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .personal, derivativeTemplate: template.id)), licence(template))
        #expect(result.verdict == .permitted)
        #expect(result.payments.isEmpty)
    }

    @Test func socialRemixRefusesCommercialUse() throws {
        let result = H.run(H.transaction(use: H.use(.stream, purpose: .commercial)), licence(try H.shipped("pil-non-commercial-social-remixing")))
        #expect(result.verdict == .refused(rule: "commercial-use", reason: "stream is prohibited"))
    }

    @Test func socialRemixRefusesARemixUnderOtherTerms() throws {
        let other = try H.shipped("cc-by-4.0")
        let result = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .research, derivativeTemplate: other.id)),
                           licence(try H.shipped("pil-non-commercial-social-remixing")))
        #expect(result.verdict == .refused(rule: "derivatives-reciprocal", reason: "duty not met"))
        #expect(result.status == nil, "a PIL breach refuses the use but states no termination")
    }

    @Test func socialRemixRefusesUseWithoutCredit() throws {
        let result = H.run(H.transaction(use: H.use(.display, attributed: nil, purpose: .personal)),
                           licence(try H.shipped("pil-non-commercial-social-remixing")))
        #expect(result.verdict == .refused(rule: "attribution", reason: "duty not met"))
    }

    // Commercial use.

    @Test func commercialUseAcceptancePaysTheMintingFeeSplitAmongLicensors() throws {
        // Fee 1,000 split 70/30 between licensors 1 and 2.
        let result = H.run(H.transaction(.accept, payment: 1_000), try PILTemplateTests.commercial("pil-commercial-use", ["fee": .int(1_000)]))
        #expect(result.verdict == .permitted)
        #expect(H.paid(result) == [[1, 700], [2, 300]])
    }

    @Test func commercialUseAcceptanceShortOfTheFeeIsRefused() throws {
        let result = H.run(H.transaction(.accept, payment: 999), try PILTemplateTests.commercial("pil-commercial-use", ["fee": .int(1_000)]))
        #expect(result.verdict == .refused(rule: "minting-fee", reason: "the minting fee is due at acceptance"))
        #expect(result.payments.isEmpty)
    }

    @Test func commercialUsePermitsAttributedCommercialDistribution() throws {
        let result = H.run(H.transaction(use: H.use(.distribute, purpose: .commercial)),
                           try PILTemplateTests.commercial("pil-commercial-use", ["fee": .int(1_000)]))
        #expect(result.verdict == .permitted)
    }

    @Test func commercialUseRefusesDerivatives() throws {
        let template = try H.shipped("pil-commercial-use")
        let result = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .commercial, derivativeTemplate: template.id)),
                           licence(template, parameters: ["fee": .int(1_000)]))
        #expect(result.verdict == .refused(rule: "derivatives-not-allowed", reason: "derive is prohibited"))
    }

    @Test func commercialUseWithoutItsFeeParameterRefusesEverything() throws {
        let result = H.run(H.transaction(.accept, payment: 1_000), try PILTemplateTests.commercial("pil-commercial-use", [:]))
        #expect(result.verdict == .refused(rule: "parameters", reason: "parameter 'fee' is missing"))
    }

    // Commercial remix.

    static let remixTerms: [String: LicenceValue] = ["fee": .int(500), "revenue_share": .int(12_500_000)]

    @Test func commercialRemixRevenueShareIsFlooredThenSplitExactly() throws {
        // 12.5% of 999 = 124.875 → 124; 70/30 of 124 = 86.8 / 37.2 → 86 + 37 = 123, and the
        // leftover unit goes to the larger remainder (licensor 1): 87 and 37.
        let result = H.run(H.transaction(payment: 124, use: H.use(.distribute, purpose: .commercial, revenue: 999)),
                           try PILTemplateTests.commercial("pil-commercial-remix", PILTemplateTests.remixTerms))
        #expect(result.verdict == .permitted)
        #expect(H.paid(result) == [[1, 87], [2, 37]])
    }

    @Test func commercialRemixReportPayingLessThanTheShareIsRefused() throws {
        let result = H.run(H.transaction(payment: 123, use: H.use(.distribute, purpose: .commercial, revenue: 999)),
                           try PILTemplateTests.commercial("pil-commercial-remix", PILTemplateTests.remixTerms))
        #expect(result.verdict == .refused(rule: "attached-payment", reason: "payments of 124 exceed the 123 attached"))
    }

    @Test func commercialRemixAcceptancePaysTheFee() throws {
        let result = H.run(H.transaction(.accept, payment: 500), try PILTemplateTests.commercial("pil-commercial-remix", PILTemplateTests.remixTerms))
        #expect(H.paid(result) == [[1, 350], [2, 150]])
    }

    @Test func commercialRemixRequiresRemixesUnderTheSameTerms() throws {
        let template = try H.shipped("pil-commercial-remix")
        let same = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .commercial, derivativeTemplate: template.id)),
                         licence(template, parameters: PILTemplateTests.remixTerms))
        let other = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .commercial, derivativeTemplate: id(44))),
                          licence(template, parameters: PILTemplateTests.remixTerms))
        #expect(same.verdict == .permitted)
        #expect(other.verdict == .refused(rule: "derivatives-reciprocal", reason: "duty not met"))
    }
}

import FolioCore
import Testing
@testable import FolioLicence

/// The Creative Commons 4.0 family: attribution everywhere, NC refuses commercial purposes, ND
/// refuses derivatives, SA requires derivatives under the same template, breaches terminate.
@Suite struct CreativeCommonsTemplateTests {
    struct Terms: Sendable, CustomStringConvertible {
        let name: String
        let nonCommercial: Bool
        let noDerivatives: Bool
        let shareAlike: Bool
        var description: String { name }
    }

    static let family: [Terms] = [
        Terms(name: "cc-by-4.0", nonCommercial: false, noDerivatives: false, shareAlike: false),
        Terms(name: "cc-by-sa-4.0", nonCommercial: false, noDerivatives: false, shareAlike: true),
        Terms(name: "cc-by-nc-4.0", nonCommercial: true, noDerivatives: false, shareAlike: false),
        Terms(name: "cc-by-nd-4.0", nonCommercial: false, noDerivatives: true, shareAlike: false),
        Terms(name: "cc-by-nc-sa-4.0", nonCommercial: true, noDerivatives: false, shareAlike: true),
        Terms(name: "cc-by-nc-nd-4.0", nonCommercial: true, noDerivatives: true, shareAlike: false),
    ]

    typealias H = TemplateHarness

    @Test(arguments: family)
    func attributedPersonalDistributionIsPermittedFree(_ terms: Terms) throws {
        let template = try H.shipped(terms.name)
        #expect(template.name == terms.name)
        let result = H.run(H.transaction(use: H.use(.distribute, purpose: .personal, territories: ["BR", "JP"])), licence(template))
        #expect(result.verdict == .permitted)
        #expect(result.payments.isEmpty)
    }

    @Test(arguments: family)
    func useWithoutAttributionTerminatesTheLicence(_ terms: Terms) throws {
        let result = H.run(H.transaction(use: H.use(.reproduce, attributed: false, purpose: .personal)), licence(try H.shipped(terms.name)))
        #expect(result.verdict == .refused(rule: "attribution", reason: "duty not met"))
        #expect(result.status == .terminated)
        #expect(result.variables["breached_at"] == .int(TestLedger().time))
    }

    @Test(arguments: family)
    func commercialUseIsRefusedExactlyByTheNonCommercialTerm(_ terms: Terms) throws {
        let result = H.run(H.transaction(use: H.use(.display, purpose: .commercial)), licence(try H.shipped(terms.name)))
        if terms.nonCommercial {
            #expect(result.verdict == .refused(rule: "non-commercial", reason: "display is prohibited"))
        } else {
            #expect(result.verdict == .permitted)
        }
    }

    @Test(arguments: family.filter(\.nonCommercial))
    func anUndeclaredPurposeIsRefusedUnderNonCommercial(_ terms: Terms) throws {
        let result = H.run(H.transaction(use: H.use(.display)), licence(try H.shipped(terms.name)))
        #expect(result.verdict == .refused(rule: "non-commercial", reason: "display is prohibited"))
    }

    @Test(arguments: family)
    func aDerivativeUnderTheSameTemplateIsPermittedUnlessNoDerivatives(_ terms: Terms) throws {
        let template = try H.shipped(terms.name)
        let result = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .personal, derivativeTemplate: template.id)), licence(template))
        if terms.noDerivatives {
            #expect(result.verdict == .refused(rule: "no-derivatives", reason: "derive is prohibited"))
            #expect(result.status == nil)
        } else {
            #expect(result.verdict == .permitted)
        }
    }

    @Test(arguments: family)
    func aDerivativeUnderAnotherTemplateBreachesOnlyShareAlike(_ terms: Terms) throws {
        let other = try H.shipped("cc0-1.0")
        let result = H.run(H.transaction(.derive, use: H.use(.derive, purpose: .personal, derivativeTemplate: other.id)),
                           licence(try H.shipped(terms.name)))
        switch (terms.shareAlike, terms.noDerivatives) {
        case (true, _):
            #expect(result.verdict == .refused(rule: "share-alike", reason: "duty not met"))
            #expect(result.status == .terminated)
        case (false, true):
            #expect(result.verdict == .refused(rule: "no-derivatives", reason: "derive is prohibited"))
        case (false, false):
            #expect(result.verdict == .permitted)
        }
    }

    @Test(arguments: family)
    func aBreachCuredOnTheThirtiethDayReinstates(_ terms: Terms) throws {
        var ledger = TestLedger()
        let state = LicenceTermsState(status: .terminated, variables: ["breached_at": .int(ledger.time)])
        ledger.time += 30 * 86_400
        let result = H.run(H.transaction(use: H.use(.play, purpose: .personal)), licence(try H.shipped(terms.name), state: state), ledger: ledger)
        #expect(result.verdict == .permitted)
        #expect(result.status == .active)
    }

    @Test(arguments: family)
    func aBreachNotCuredWithinThirtyDaysStaysTerminated(_ terms: Terms) throws {
        var ledger = TestLedger()
        let state = LicenceTermsState(status: .terminated, variables: ["breached_at": .int(ledger.time)])
        ledger.time += 30 * 86_400 + 1
        let result = H.run(H.transaction(use: H.use(.play, purpose: .personal)), licence(try H.shipped(terms.name), state: state), ledger: ledger)
        #expect(result.verdict == .refused(rule: "no-permission", reason: "no permission grants play"))
    }
}

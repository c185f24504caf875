import FolioCore
import Testing
@testable import FolioLicence

/// The explain facility names the deciding rule, judges each rule, and lists what the licensee
/// must do, including how much to pay.
@Suite struct ExplainTests {
    typealias H = TemplateHarness

    static func explain(_ transaction: LicenceTransaction, _ licence: Licence) -> Explanation {
        LicenceExplainer.explain(transaction, on: licence, ledger: TestLedger(), gasLimit: 100_000)
    }

    @Test func aCommercialUseUnderNonCommercialNamesTheProhibitionAndEveryRule() throws {
        let explanation = ExplainTests.explain(H.transaction(use: H.use(.display, purpose: .commercial)), licence(try H.shipped("cc-by-nc-4.0")))
        #expect(explanation.verdict == .refused(rule: "non-commercial", reason: "display is prohibited"))
        #expect(explanation.decidingRule == "non-commercial")
        #expect(explanation.rules.map(\.rule) == ["attribution", "non-commercial", "cc-by-nc"])
        #expect(explanation.rules.map(\.sort) == ["duty", "prohibition", "permission"])
        #expect(explanation.rules.map(\.holds) == [true, true, true])
        #expect(explanation.rules[1].condition == "use.purpose == commercial")
        #expect(explanation.obligations == [.attribute(rule: "attribution")])
        #expect(explanation.amountDue == nil)
    }

    @Test func anUnpaidAcceptanceSaysHowMuchToPayAndToWhom() throws {
        let licence = licence(try H.shipped("pil-commercial-use"), parameters: ["fee": .int(1_000)])
        let explanation = ExplainTests.explain(H.transaction(.accept, payment: 0), licence)
        #expect(explanation.verdict == .refused(rule: "minting-fee", reason: "the minting fee is due at acceptance"))
        #expect(explanation.decidingRule == "minting-fee")
        #expect(explanation.rules.isEmpty)
        #expect(explanation.amountDue == Amount(baseUnits: 1_000))
        #expect(explanation.obligations == [
            .pay(amount: Amount(baseUnits: 700), payee: party(1), rule: "minting-fee"),
            .pay(amount: Amount(baseUnits: 300), payee: party(2), rule: "minting-fee"),
        ])
        #expect(explanation.summary.hasPrefix("Refused by 'minting-fee': the minting fee is due at acceptance. Attach 1000. The licensee must pay 700"))
    }

    @Test func aShareAlikeDerivativeNamesThePermissionAndBothDuties() throws {
        let template = try H.shipped("cc-by-sa-4.0")
        let explanation = ExplainTests.explain(H.transaction(.derive, use: H.use(.derive, purpose: .personal, derivativeTemplate: template.id)),
                                               licence(template))
        #expect(explanation.verdict == .permitted)
        #expect(explanation.decidingRule == "cc-by-sa")
        #expect(explanation.obligations == [.attribute(rule: "attribution"), .offerDerivativeUnder(template: template.id, rule: "share-alike")])
        #expect(explanation.amountDue == Amount(baseUnits: 0))
        #expect(explanation.summary.hasPrefix("Permitted by 'cc-by-sa'. The licensee must credit the work ('attribution')"))
    }

    @Test func anUndeclaredFactShowsAsUnknownInTheRuleThatNeededIt() throws {
        let licence = licence(try H.shipped("exclusive-eu-sync"), parameters: ["film_title": .text("Blue Hour")])
        let explanation = ExplainTests.explain(H.transaction(use: H.use(.synchronize, target: "Blue Hour")), licence)
        #expect(explanation.verdict == .refused(rule: "no-permission", reason: "no permission grants synchronize"))
        #expect(explanation.rules.map(\.rule) == ["eu-sync"])
        #expect(explanation.rules.first?.holds == nil)
        #expect(explanation.rules.first?.condition?.contains("use.territory isPartOf eu(licence.issued_at)") == true)
    }

    @Test func aDutyWithoutAFolioNameIsExplainedByItsCondition() throws {
        let compiled = try #require(template("licence \"t\"\nduty \"adults\" play when use.count >= 18\npermit play"))
        let explanation = ExplainTests.explain(H.transaction(use: H.use(.play)), licence(compiled))
        #expect(explanation.obligations == [.meetCondition(rule: "adults", condition: "use.count >= 18")])
    }
}

import FolioCore
import Testing
@testable import FolioLicence

/// Publish-time checks: rules that can never fire, overlapping permission and prohibition, and
/// derivatives that conflict with a parent's share-alike or no-derivatives terms.
@Suite struct PublishCheckTests {
    static func findings(_ body: String) throws -> [LicenceDiagnostic] {
        try LicenceTemplate(source: "licence \"t\"\n" + body).diagnostics
    }

    static let shippedNames = [
        "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0",
        "pil-non-commercial-social-remixing", "pil-commercial-use", "pil-commercial-remix",
        "exclusive-eu-sync", "per-stream-royalty", "derivative-upstream-share",
    ]

    @Test(arguments: shippedNames)
    func everyShippedTemplatePassesThePublishChecks(_ name: String) throws {
        let template = try #require(try LicenceTemplate.shipped(named: name))
        #expect(template.diagnostics == [])
        #expect(try LicenceTemplate.publishing(source: try #require(LicenceTemplate.shippedSource(named: name))) == template)
    }

    @Test func aPermissionWithAConstantFalseConditionNeverFires() throws {
        #expect(try PublishCheckTests.findings("permit play when 1 > 2") ==
            [.unreachableRule(rule: "permit#1", reason: "its condition is never true")])
    }

    @Test func aConditionOnAnotherActionThanTheRuleCoversNeverFires() throws {
        #expect(try PublishCheckTests.findings("permit \"p\" stream when use.action == play") ==
            [.unreachableRule(rule: "p", reason: "its condition is never true")])
    }

    @Test func contradictoryPurposesNeverHoldTogether() throws {
        let found = try PublishCheckTests.findings("prohibit \"q\" any when use.purpose == research and use.purpose == commercial")
        #expect(found == [.unreachableRule(rule: "q", reason: "its condition is never true")])
    }

    @Test func aPermissionAfterAnUnconditionalPermissionForItsActionsNeverGrants() throws {
        let found = try PublishCheckTests.findings("permit \"all\" any\npermit \"late\" play when use.purpose == research")
        #expect(found == [.unreachableRule(rule: "late",
            reason: "every use it covers is refused by a duty or prohibition, or granted by an earlier permission")])
    }

    @Test func aPermissionFullyCoveredByAnUnconditionalProhibitionNeverGrants() throws {
        let found = try PublishCheckTests.findings("prohibit \"never\" play, stream\npermit \"p\" play")
        #expect(found == [
            .unreachableRule(rule: "p", reason: "every use it covers is refused by a duty or prohibition, or granted by an earlier permission"),
            .overlap(permission: "p", prohibition: "never", actions: [.play]),
        ])
    }

    @Test func aDutyThatAlwaysHoldsNeverRefuses() throws {
        #expect(try PublishCheckTests.findings("duty \"d\" play when true or use.attributed\npermit play") ==
            [.unreachableRule(rule: "d", reason: "its condition always holds, so it never refuses")])
    }

    @Test func namedActionsPermittedAndProhibitedUnderOnePurposeOverlap() throws {
        let found = try PublishCheckTests.findings(
            "permit \"p\" play, stream when use.purpose == commercial\nprohibit \"q\" stream, print when use.purpose == commercial")
        #expect(found == [.overlap(permission: "p", prohibition: "q", actions: [.stream])])
        #expect(found.allSatisfy { !$0.isError })
    }

    @Test func disjointPurposesDoNotOverlap() throws {
        #expect(try PublishCheckTests.findings(
            "permit play when use.purpose == research\nprohibit play when use.purpose == commercial") == [])
    }

    @Test func aCarveOutFromAnyIsNotAnOverlap() throws {
        #expect(try PublishCheckTests.findings("prohibit derive\npermit any") == [])
    }

    @Test func publishingRefusesATemplateWithAnUnreachableRule() {
        #expect(throws: LicenceError.refusedAtPublication([.unreachableRule(rule: "permit#1", reason: "its condition is never true")])) {
            try LicenceTemplate.publishing(source: "licence \"t\"\npermit play when false")
        }
    }

    @Test(arguments: ["cc-by-nd-4.0", "cc-by-nc-nd-4.0", "pil-commercial-use"])
    func noDerivativesParentsConflictWithEveryDerivative(_ parent: String) throws {
        let template = try #require(try LicenceTemplate.shipped(named: parent))
        let child = try #require(try LicenceTemplate.shipped(named: "cc-by-4.0"))
        let ruleName = parent == "pil-commercial-use" ? "derivatives-not-allowed" : "no-derivatives"
        #expect(template.derivativeConflict(offeredUnder: child) == .derivativeConflict(parentRule: ruleName, reason: "it prohibits every derivative"))
        #expect(template.derivativeConflict(offeredUnder: template) != nil)
    }

    @Test(arguments: ["cc-by-sa-4.0", "cc-by-nc-sa-4.0", "pil-non-commercial-social-remixing", "pil-commercial-remix", "derivative-upstream-share"])
    func shareAlikeParentsAcceptOnlyTheirOwnTemplate(_ parent: String) throws {
        let template = try #require(try LicenceTemplate.shipped(named: parent))
        let other = try #require(try LicenceTemplate.shipped(named: "cc-by-4.0"))
        guard case let .derivativeConflict(rule, _)? = template.derivativeConflict(offeredUnder: other) else {
            Issue.record("\(parent) accepted a derivative under cc-by-4.0")
            return
        }
        #expect(["share-alike", "derivatives-reciprocal", "same-terms"].contains(rule))
        #expect(template.derivativeConflict(offeredUnder: template) == nil)
    }

    @Test(arguments: ["cc-by-4.0", "cc-by-nc-4.0", "cc0-1.0"])
    func parentsWithoutShareAlikeOrNoDerivativesAcceptAnyDerivative(_ parent: String) throws {
        let template = try #require(try LicenceTemplate.shipped(named: parent))
        let child = try #require(try LicenceTemplate.shipped(named: "pil-commercial-use"))
        #expect(template.derivativeConflict(offeredUnder: child) == nil)
    }

    @Test func aParentWithNoPermissionToDeriveConflicts() throws {
        let parent = try LicenceTemplate(source: "licence \"p\"\npermit play, stream")
        let child = try LicenceTemplate(source: "licence \"c\"\npermit any")
        #expect(parent.derivativeConflict(offeredUnder: child) ==
            .derivativeConflict(parentRule: "no-permission", reason: "no permission of the parent grants derive"))
    }
}

import FolioCore
import Testing
@testable import FolioLicence

/// exclusive-eu-sync: one licensee, one film, EU states of the acceptance date, two years,
/// 20,000 at acceptance, exclusive, not transferable, expires by itself.
@Suite struct ExclusiveSyncTemplateTests {
    typealias H = TemplateHarness

    /// Accepted 2026-01-01 by party 5 for the film "Blue Hour".
    static func sync(_ state: LicenceTermsState = LicenceTermsState(status: .active)) throws -> Licence {
        licence(try H.shipped("exclusive-eu-sync"), parameters: ["film_title": .text("Blue Hour")], state: state)
    }

    static func syncUse(sender: UInt8 = 5, film: String = "Blue Hour", territories: [String]? = ["DE", "FR"], daysAfter: Int64 = 150) throws -> Evaluation {
        var ledger = TestLedger()
        ledger.time += daysAfter * 86_400
        return H.run(H.transaction(sender: sender, use: H.use(.synchronize, territories: territories, target: film)), try sync(), ledger: ledger)
    }

    static let noPermission = Verdict.refused(rule: "no-permission", reason: "no permission grants synchronize")

    @Test func acceptancePaysTwentyThousandSplitAmongLicensors() throws {
        let result = H.run(H.transaction(.accept, payment: 20_000), try ExclusiveSyncTemplateTests.sync(LicenceTermsState()))
        #expect(result.verdict == .permitted)
        #expect(H.paid(result) == [[1, 14_000], [2, 6_000]])
    }

    @Test func acceptanceShortOfTheFeeIsRefused() throws {
        let result = H.run(H.transaction(.accept, payment: 19_999), try ExclusiveSyncTemplateTests.sync(LicenceTermsState()))
        #expect(result.verdict == .refused(rule: "fee-and-exclusivity", reason: "the fee of 20000 FOLIO is due at acceptance"))
    }

    @Test func acceptanceIsRefusedWhileAnotherLicenceSyncsInAnEUState() throws {
        var ledger = TestLedger()
        ledger.grants[.synchronize] = ["US", "FR"]
        let result = H.run(H.transaction(.accept, payment: 20_000), try ExclusiveSyncTemplateTests.sync(LicenceTermsState()), ledger: ledger)
        #expect(result.verdict == .refused(rule: "fee-and-exclusivity", reason: "another licence already grants synchronisation in the EU"))
    }

    @Test func acceptanceIsAllowedWhenOtherSyncLicencesAreOutsideTheEU() throws {
        var ledger = TestLedger()
        ledger.grants[.synchronize] = ["US", "GB", "CH"]
        let result = H.run(H.transaction(.accept, payment: 20_000), try ExclusiveSyncTemplateTests.sync(LicenceTermsState()), ledger: ledger)
        #expect(result.verdict == .permitted)
    }

    @Test func theLicenseeMaySyncTheNamedFilmInEUStates() throws {
        #expect(try ExclusiveSyncTemplateTests.syncUse().verdict == .permitted)
    }

    @Test func anotherFilmIsNotLicensed() throws {
        #expect(try ExclusiveSyncTemplateTests.syncUse(film: "Red Dawn").verdict == ExclusiveSyncTemplateTests.noPermission)
    }

    @Test func anotherSenderIsNotTheLicensee() throws {
        #expect(try ExclusiveSyncTemplateTests.syncUse(sender: 6).verdict == ExclusiveSyncTemplateTests.noPermission)
    }

    @Test func territoriesOutsideTheEUOfTheAcceptanceDateAreNotLicensed() throws {
        // The UK left on 2020-02-01, so it is outside the EU of 2026-01-01.
        #expect(try ExclusiveSyncTemplateTests.syncUse(territories: ["DE", "GB"]).verdict == ExclusiveSyncTemplateTests.noPermission)
        #expect(try ExclusiveSyncTemplateTests.syncUse(territories: ["CH"]).verdict == ExclusiveSyncTemplateTests.noPermission)
    }

    @Test func undeclaredTerritoriesNeverGrant() throws {
        #expect(try ExclusiveSyncTemplateTests.syncUse(territories: nil).verdict == ExclusiveSyncTemplateTests.noPermission)
    }

    @Test func theTermIsSevenHundredThirtyDaysFromAcceptance() throws {
        #expect(try ExclusiveSyncTemplateTests.syncUse(daysAfter: 729).verdict == .permitted)
        #expect(try ExclusiveSyncTemplateTests.syncUse(daysAfter: 730).verdict == ExclusiveSyncTemplateTests.noPermission)
    }

    @Test func aReportAfterTheTermExpiresTheLicence() throws {
        var ledger = TestLedger()
        ledger.time += 730 * 86_400
        let expired = H.run(H.transaction(), try ExclusiveSyncTemplateTests.sync(), ledger: ledger)
        ledger.time -= 1
        let running = H.run(H.transaction(), try ExclusiveSyncTemplateTests.sync(), ledger: ledger)
        #expect(expired.status == .expired)
        #expect(running.status == nil)
    }

    @Test func transfersAreRefused() throws {
        let bare = H.run(H.transaction(.transfer), try ExclusiveSyncTemplateTests.sync())
        let declared = H.run(H.transaction(.transfer, use: H.use(.transfer)), try ExclusiveSyncTemplateTests.sync())
        #expect(bare.verdict == .refused(rule: "not-transferable", reason: "this licence is not transferable"))
        #expect(declared.verdict == .refused(rule: "not-transferable", reason: "transfer is prohibited"))
    }
}

import Testing
import FolioCore
@testable import FolioLicence

/// The shipped templates compile and permit and refuse what their licences say.
@Suite struct TemplateTests {
    static func shipped(_ name: String) throws -> LicenceTemplate {
        try #require(try LicenceTemplate.shipped(named: name))
    }

    static func day(_ y: Int64, _ m: Int64, _ d: Int64) -> Int64 { (FolioLicence.Calendar.days(year: y, month: m, day: d) ?? 0) * 86_400 }

    static func use(_ action: LicenceAction, attributed: Bool?) -> LicenceTransaction {
        var use = DeclaredUse(action: action)
        use.attributed = attributed
        return LicenceTransaction(kind: .report, sender: party(5), use: use)
    }

    @Test func ccByPermitsAttributedUseAnywhere() throws {
        let result = LicenceEvaluator.evaluate(TemplateTests.use(.distribute, attributed: true),
                                               on: licence(try TemplateTests.shipped("cc-by-4.0")), ledger: TestLedger(), gasLimit: 1000)
        #expect(result.verdict == .permitted)
        #expect(result.payments.isEmpty)
    }

    @Test func ccByUseWithoutAttributionTerminates() throws {
        let result = LicenceEvaluator.evaluate(TemplateTests.use(.reproduce, attributed: false),
                                               on: licence(try TemplateTests.shipped("cc-by-4.0")), ledger: TestLedger(), gasLimit: 1000)
        #expect(result.verdict == .refused(rule: "attribution", reason: "duty not met"))
        #expect(result.status == .terminated)
        #expect(result.variables["breached_at"] == .int(TestLedger().time))
    }

    @Test func ccByBreachCuredWithin30DaysReinstates() throws {
        var ledger = TestLedger()
        let state = LicenceTermsState(status: .terminated, variables: ["breached_at": .int(ledger.time)])
        ledger.time += 30 * 86_400
        let result = LicenceEvaluator.evaluate(TemplateTests.use(.display, attributed: true),
                                               on: licence(try TemplateTests.shipped("cc-by-4.0"), state: state), ledger: ledger, gasLimit: 1000)
        #expect(result.verdict == .permitted)
        #expect(result.status == .active)
    }

    @Test func ccByBreachNotCuredWithin30DaysStaysTerminated() throws {
        var ledger = TestLedger()
        let state = LicenceTermsState(status: .terminated, variables: ["breached_at": .int(ledger.time)])
        ledger.time += 30 * 86_400 + 1
        let result = LicenceEvaluator.evaluate(TemplateTests.use(.display, attributed: true),
                                               on: licence(try TemplateTests.shipped("cc-by-4.0"), state: state), ledger: ledger, gasLimit: 1000)
        #expect(result.verdict == .refused(rule: "no-permission", reason: "no permission grants display"))
    }

    @Test func cc0PermitsEverythingWithoutConditions() throws {
        let result = LicenceEvaluator.evaluate(TemplateTests.use(.trainAI, attributed: nil),
                                               on: licence(try TemplateTests.shipped("cc0-1.0")), ledger: TestLedger(), gasLimit: 1000)
        #expect(result.verdict == .permitted)
        #expect(result.gasUsed == 0)
    }

    static func streamReport(count: Int64, period: Int64, payment: UInt64) -> LicenceTransaction {
        var use = DeclaredUse(action: .stream, count: count)
        use.period = period
        return LicenceTransaction(kind: .report, sender: party(5), payment: Amount(baseUnits: payment), use: use)
    }

    static func streamingLicence(_ state: LicenceTermsState) throws -> Licence {
        licence(try shipped("per-stream-royalty"), parameters: ["performer": .party(party(3)), "producer": .party(party(4))], state: state)
    }

    @Test func perStreamPaysTieredRateSplit70To30() throws {
        // 999,000 streams already reported for January 2026; 3,000 more: 1,000 at 4/1000 and
        // 2,000 at 3/1000 = 4 + 6 = 10, split 7 and 3.
        let january = CounterKey(name: "streams", key: .int((2026 - 1970) * 12))
        let state = LicenceTermsState(status: .active, counters: [january: 999_000], variables: ["last_month": .int((2026 - 1970) * 12)])
        var ledger = TestLedger()
        ledger.time = TemplateTests.day(2026, 2, 10)
        let result = LicenceEvaluator.evaluate(TemplateTests.streamReport(count: 3_000, period: TemplateTests.day(2026, 1, 1), payment: 10),
                                               on: try TemplateTests.streamingLicence(state), ledger: ledger, gasLimit: 10_000)
        #expect(result.verdict == .permitted)
        #expect(result.payments.map { [$0.payee.bytes[0], UInt8($0.amount.baseUnits)] } == [[3, 7], [4, 3]])
        #expect(result.counters[january] == 1_002_000)
    }

    @Test func perStreamLateReportAddsTenPercent() throws {
        // Due 10; reported in March for January: 11, split 7.7/3.3 → 7 and 3 plus the leftover
        // unit to the larger remainder (the performer): 8 and 3.
        let january = CounterKey(name: "streams", key: .int((2026 - 1970) * 12))
        let state = LicenceTermsState(status: .active, counters: [january: 999_000])
        var ledger = TestLedger()
        ledger.time = TemplateTests.day(2026, 3, 1)
        let result = LicenceEvaluator.evaluate(TemplateTests.streamReport(count: 3_000, period: TemplateTests.day(2026, 1, 1), payment: 11),
                                               on: try TemplateTests.streamingLicence(state), ledger: ledger, gasLimit: 10_000)
        #expect(result.payments.map { [$0.payee.bytes[0], UInt8($0.amount.baseUnits)] } == [[3, 8], [4, 3]])
    }

    @Test func perStreamTwoMissedMonthsSuspend() throws {
        // Last reported October 2025; November and December skipped; January reported.
        let state = LicenceTermsState(status: .active, variables: ["last_month": .int((2025 - 1970) * 12 + 9)])
        var ledger = TestLedger()
        ledger.time = TemplateTests.day(2026, 2, 1)
        let result = LicenceEvaluator.evaluate(TemplateTests.streamReport(count: 1_000, period: TemplateTests.day(2026, 1, 1), payment: 4),
                                               on: try TemplateTests.streamingLicence(state), ledger: ledger, gasLimit: 10_000)
        #expect(result.verdict == .permitted)
        #expect(result.status == .suspended)
        #expect(result.events == ["two or more months unreported"])
    }

    @Test func perStreamRefusesStreamingWhileSuspended() throws {
        let result = LicenceEvaluator.evaluate(TemplateTests.streamReport(count: 1, period: TemplateTests.day(2025, 12, 1), payment: 0),
                                               on: try TemplateTests.streamingLicence(LicenceTermsState(status: .suspended)),
                                               ledger: TestLedger(), gasLimit: 10_000)
        #expect(result.verdict == .refused(rule: "no-permission", reason: "no permission grants stream"))
    }
}

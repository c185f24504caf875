import FolioCore
import Testing
@testable import FolioLicence

/// derivative-upstream-share: fee of 50, credit and same terms for derivatives, 10% of revenue
/// to every ancestor up to 100,000 each, no licence outliving the one it was derived under.
@Suite struct DerivativeTemplateTests {
    typealias H = TemplateHarness

    /// Work 9 derives from work 20, which derives from work 21; each ancestor has one owner
    /// (party 20 and party 21).
    static func ledger(upstream: LicenceStatus? = .active) -> TestLedger {
        var ledger = TestLedger()
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 1)], registeredAt: 0,
                                        parents: [id(20)], ancestors: [id(20), id(21)], upstreamState: upstream)
        for n: UInt8 in [20, 21] {
            ledger.works[id(n)] = WorkFacts(id: id(n), owners: [Share(party: party(n), weight: 1)], registeredAt: 0)
        }
        return ledger
    }

    static func derivative(paid: [UInt8: Int64] = [:]) throws -> Licence {
        var state = LicenceTermsState(status: .active)
        for (ancestor, amount) in paid { state.counters[CounterKey(name: "paid_upstream", key: .id(id(ancestor)))] = amount }
        return licence(try H.shipped("derivative-upstream-share"), state: state)
    }

    static func report(revenue: UInt64, payment: UInt64) -> LicenceTransaction {
        H.transaction(payment: payment, use: H.use(.distribute, purpose: .commercial, revenue: revenue))
    }

    @Test func acceptancePaysTheFeeOfFifty() throws {
        let result = H.run(H.transaction(.accept, payment: 50), try DerivativeTemplateTests.derivative(), ledger: DerivativeTemplateTests.ledger())
        #expect(H.paid(result) == [[1, 35], [2, 15]])
    }

    @Test func acceptanceWithoutTheFeeIsRefused() throws {
        let result = H.run(H.transaction(.accept, payment: 49), try DerivativeTemplateTests.derivative(), ledger: DerivativeTemplateTests.ledger())
        #expect(result.verdict == .refused(rule: "fee", reason: "the fee of 50 FOLIO is due at acceptance"))
    }

    @Test func revenuePaysTenPercentToEveryAncestorWithoutDilution() throws {
        // 10% of 12,345 = 1,234.5 → 1,234 to each of works 20 and 21.
        let result = H.run(DerivativeTemplateTests.report(revenue: 12_345, payment: 2_468), try DerivativeTemplateTests.derivative(),
                           ledger: DerivativeTemplateTests.ledger())
        #expect(result.verdict == .permitted)
        #expect(H.paid(result) == [[20, 1_234], [21, 1_234]])
        #expect(result.counters[CounterKey(name: "paid_upstream", key: .id(id(20)))] == 1_234)
        #expect(result.counters[CounterKey(name: "paid_upstream", key: .id(id(21)))] == 1_234)
    }

    @Test func theShareStopsAtOneHundredThousandPerAncestor() throws {
        // Work 20 has had 99,500: it gets the last 500; work 21 has had 100,000: nothing.
        let result = H.run(DerivativeTemplateTests.report(revenue: 10_000, payment: 500),
                           try DerivativeTemplateTests.derivative(paid: [20: 99_500, 21: 100_000]), ledger: DerivativeTemplateTests.ledger())
        #expect(H.paid(result) == [[20, 500]])
        #expect(result.counters[CounterKey(name: "paid_upstream", key: .id(id(20)))] == 100_000)
        #expect(result.counters[CounterKey(name: "paid_upstream", key: .id(id(21)))] == nil)
    }

    @Test func anAttributedDerivativeUnderTheSameTermsIsPermitted() throws {
        let licence = try DerivativeTemplateTests.derivative()
        let result = H.run(H.transaction(.derive, use: H.use(.derive, derivativeTemplate: licence.template.id)), licence,
                           ledger: DerivativeTemplateTests.ledger())
        #expect(result.verdict == .permitted)
    }

    @Test func aDerivativeUnderOtherTermsIsRefused() throws {
        let result = H.run(H.transaction(.derive, use: H.use(.derive, derivativeTemplate: id(44))), try DerivativeTemplateTests.derivative(),
                           ledger: DerivativeTemplateTests.ledger())
        #expect(result.verdict == .refused(rule: "same-terms", reason: "duty not met"))
    }

    @Test func releasingWithoutCreditingTheOriginalIsRefused() throws {
        let result = H.run(H.transaction(use: H.use(.distribute, attributed: false)), try DerivativeTemplateTests.derivative(),
                           ledger: DerivativeTemplateTests.ledger())
        #expect(result.verdict == .refused(rule: "credit-the-original", reason: "duty not met"))
    }

    @Test(arguments: [LicenceStatus.terminated, .expired, .suspended])
    func aDerivativeLicenceEndsWithTheLicenceItWasDerivedUnder(_ upstream: LicenceStatus) throws {
        let result = H.run(DerivativeTemplateTests.report(revenue: 100, payment: 20), try DerivativeTemplateTests.derivative(),
                           ledger: DerivativeTemplateTests.ledger(upstream: upstream))
        #expect(result.verdict == .refused(rule: "no-permission", reason: "no permission grants distribute"))
    }

    @Test func anUnknownUpstreamStateNeverGrants() throws {
        let result = H.run(DerivativeTemplateTests.report(revenue: 100, payment: 20), try DerivativeTemplateTests.derivative(),
                           ledger: DerivativeTemplateTests.ledger(upstream: nil))
        #expect(result.verdict == .refused(rule: "no-permission", reason: "no permission grants distribute"))
    }

    @Test func anOriginalWorkNeedsNoUpstreamLicence() throws {
        var ledger = TestLedger()
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 1)], registeredAt: 0)
        let result = H.run(DerivativeTemplateTests.report(revenue: 1_000, payment: 0), try DerivativeTemplateTests.derivative(), ledger: ledger)
        #expect(result.verdict == .permitted)
        #expect(result.payments.isEmpty)
    }
}

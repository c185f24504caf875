import Testing
import FolioCore
@_spi(LicenceBenchmarks) @testable import FolioLicence

/// `evaluateUnmetered` (benchmark B13's baseline for the cost of metering) reaches the same
/// outcome as the metered `evaluate` and differs only in charging no gas.
@Suite struct UnmeteredEvaluationTests {
    static let terms = """
    licence "unmetered"
    counter seen: Int
    permit stream
    on report {
      for a in work.ancestors {
        seen += min(len(work.ancestors), use.count)
      }
      pay 5 FOLIO split licence.licensors
    }
    """

    static func ledger() -> TestLedger {
        var ledger = TestLedger()
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 1)], registeredAt: 0,
                                        ancestors: (10...20).map { id(UInt8($0)) })
        return ledger
    }

    static let report = LicenceTransaction(kind: .report, sender: party(5), payment: Amount(baseUnits: 5),
                                           use: DeclaredUse(action: .stream, count: 3))

    @Test func unmeteredRunHasTheMeteredOutcomeAndChargesNoGas() throws {
        let licence = licence(try #require(template(Self.terms)))
        let metered = LicenceEvaluator.evaluate(Self.report, on: licence, ledger: Self.ledger(), gasLimit: 10_000)
        let unmetered = LicenceEvaluator.evaluateUnmetered(Self.report, on: licence, ledger: Self.ledger())
        #expect(metered.verdict == .permitted)
        #expect(metered.counters[CounterKey(name: "seen")] == 33)
        #expect(metered.gasUsed > 0)
        #expect(unmetered.verdict == metered.verdict)
        #expect(unmetered.payments == metered.payments)
        #expect(unmetered.counters == metered.counters)
        #expect(unmetered.gasUsed == 0)
    }

    @Test func meteredRunStillStopsAtItsGasLimit() throws {
        let licence = licence(try #require(template(Self.terms)))
        let metered = LicenceEvaluator.evaluate(Self.report, on: licence, ledger: Self.ledger(), gasLimit: 20)
        guard case .refused(rule: "gas", reason: _) = metered.verdict else {
            Issue.record("expected a gas refusal, got \(metered.verdict)")
            return
        }
        #expect(metered.gasUsed == 20)
        #expect(LicenceEvaluator.evaluateUnmetered(Self.report, on: licence, ledger: Self.ledger()).verdict == .permitted)
    }
}

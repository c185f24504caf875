import Testing
import PropertyBased
import FolioCore
@testable import FolioLicence

/// Splits always add up; evaluation is a pure function of its inputs.
@Suite struct PropertyTests {
    @Test func splitPartsAlwaysSumToTheAmount() async {
        let weights = Gen.int(in: 0...1_000_000).array(of: 1...12)
        await propertyCheck(input: Gen.uint64(in: 0...UInt64(Int64.max)), weights) { amount, weights in
            let shares = weights.enumerated().map { Share(party: party(UInt8($0.offset + 1)), weight: Int64($0.element)) }
            guard let parts = RoyaltySplit.split(amount, among: shares) else {
                #expect(weights.allSatisfy { $0 == 0 })
                return
            }
            #expect(parts.reduce(UInt64(0)) { $0 + $1.amount } == amount)
            #expect(parts.count == weights.filter { $0 > 0 }.count)
        }
    }

    @Test func splitNeverGivesMoreThanOneUnitAboveTheExactShare() async {
        await propertyCheck(input: Gen.uint64(in: 0...1_000_000_000), Gen.int(in: 1...1000).array(of: 1...8)) { amount, weights in
            let shares = weights.enumerated().map { Share(party: party(UInt8($0.offset + 1)), weight: Int64($0.element)) }
            let total = UInt64(weights.reduce(0, +))
            for (index, part) in (RoyaltySplit.split(amount, among: shares) ?? []).enumerated() {
                let floor = amount * UInt64(weights[index]) / total
                #expect(part.amount == floor || part.amount == floor + 1)
            }
        }
    }

    @Test func evaluationIsAPureFunctionOfItsInputs() async {
        guard let compiled = template("""
        licence "p"
        counter streams[Int]: Int
        permit stream when use.territory isPartOf eu(ledger.time)
        on report {
          streams[month(use.period ?? ledger.time)] += use.count ?? 0
          pay floor(use.revenue * 30%) split licence.licensors
        }
        """) else { return }
        await propertyCheck(input: Gen.int(in: 0...10_000), Gen.uint64(in: 0...1_000_000), Gen.int(in: 0...3)) { count, revenue, territory in
            let codes = [["DE"], ["FR", "IT"], ["US"], []][territory]
            let tx = LicenceTransaction(kind: .report, sender: party(5), payment: Amount(baseUnits: revenue),
                                        use: DeclaredUse(action: .stream, territories: codes, count: Int64(count),
                                                         revenue: Amount(baseUnits: revenue)))
            let subject = licence(compiled)
            let first = LicenceEvaluator.evaluate(tx, on: subject, ledger: TestLedger(), gasLimit: 500)
            let second = LicenceEvaluator.evaluate(tx, on: subject, ledger: TestLedger(), gasLimit: 500)
            #expect(first == second)
            if case .permitted = first.verdict {
                #expect(first.payments.reduce(UInt64(0)) { $0 + $1.amount.baseUnits } == revenue * 30 / 100)
            }
        }
    }
}

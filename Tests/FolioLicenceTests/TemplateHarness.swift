import FolioCore
import Testing
@testable import FolioLicence

/// Builds declared uses and runs shipped templates, so each template test states only its facts.
enum TemplateHarness {
    static func shipped(_ name: String) throws -> LicenceTemplate {
        try #require(try LicenceTemplate.shipped(named: name))
    }

    /// A use of `action` with the given facts; everything left nil is undeclared (unknown).
    static func use(_ action: LicenceAction, attributed: Bool? = true, purpose: UsePurpose? = nil,
                    territories: [String]? = nil, revenue: UInt64? = nil, target: String? = nil,
                    derivativeTemplate: Hash256? = nil) -> DeclaredUse {
        var use = DeclaredUse(action: action, territories: territories, purpose: purpose, revenue: revenue.map { Amount(baseUnits: $0) })
        use.attributed = attributed
        use.target = target
        use.derivativeTemplate = derivativeTemplate
        return use
    }

    static func transaction(_ kind: TransactionKind = .report, sender: UInt8 = 5, payment: UInt64 = 0,
                            use: DeclaredUse? = nil) -> LicenceTransaction {
        LicenceTransaction(kind: kind, sender: party(sender), payment: Amount(baseUnits: payment), use: use)
    }

    /// Payments as [payee's first byte, amount] pairs, the form the expectations are written in.
    static func paid(_ evaluation: Evaluation) -> [[UInt64]] {
        evaluation.payments.map { [UInt64($0.payee.bytes[0]), $0.amount.baseUnits] }
    }

    static func run(_ transaction: LicenceTransaction, _ licence: Licence, ledger: TestLedger = TestLedger()) -> Evaluation {
        LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger, gasLimit: 100_000)
    }
}

import FolioCore
import FolioLicence

/// Turns FolioLicence's evaluation into the chain's decision or refusal.
enum LicenceVerdictMapping {
    /// A refusal names the rule (`rule: reason`). Otherwise every payment the terms make is a
    /// direct payment (so each payee gets exactly what the terms' split gave it, merged per
    /// payee in order of first payment) and the amount due is their sum; the chain splits any
    /// overpayment among the owners.
    static func decision(_ evaluation: Evaluation, current: LicenceState) throws(LicenceRefusal) -> LicenceDecision {
        if case let .refused(rule, reason) = evaluation.verdict {
            throw LicenceRefusal(reason: "\(rule): \(reason)", isUnderpayment: rule == LicenceEvaluator.attachedPaymentRule)
        }
        var owed = PayeeTotals(capacity: evaluation.payments.count)
        var total = Amount.zero
        for payment in evaluation.payments where payment.amount > .zero {
            do {
                total = try total.adding(payment.amount)
                try owed.add(payment.amount, to: payment.payee)
            } catch {
                throw LicenceRefusal(reason: "\(payment.rule): payments overflow")
            }
        }
        return LicenceDecision(amountDue: total, directPayments: owed.payments,
                               state: try state(evaluation.status, current: current))
    }

    /// The licence state after the terms ran; a program cannot send a licence back to offered.
    static func state(_ status: LicenceStatus?, current: LicenceState) throws(LicenceRefusal) -> LicenceState {
        switch status {
        case nil: return current
        case .active: return .active
        case .suspended: return .suspended
        case .terminated: return .terminated
        case .expired: return .expired
        case .offered: throw LicenceRefusal(reason: "status: the terms cannot return a licence to offered")
        }
    }

    /// The chain's licence state as the terms' status.
    static func status(_ state: LicenceState) -> LicenceStatus {
        switch state {
        case .active: return .active
        case .suspended: return .suspended
        case .terminated: return .terminated
        case .expired: return .expired
        }
    }
}

import FolioCore

/// The explain facility the wallet calls (`folio licence check`, `folio explain`): which rule
/// permitted or refused a proposed use, and what the licensee must do. Like evaluation, it is a
/// pure function of its inputs and never changes state.
public enum LicenceExplainer {
    /// Explains `transaction` under `licence` with the facts in `ledger`, each run limited to
    /// `gasLimit`.
    public static func explain(
        _ transaction: LicenceTransaction, on licence: Licence, ledger: any LicenceLedgerView, gasLimit: UInt64
    ) -> Explanation {
        let result = LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger, gasLimit: gasLimit)
        let program = licence.template.program
        let rules = transaction.use.map { outcomes(of: $0.action, transaction, licence, ledger, gasLimit) } ?? []
        var deciding: String?
        switch result.verdict {
        case .permitted: deciding = rules.first { $0.sort == "permission" && $0.holds == true }?.rule
        case let .refused(rule, _): deciding = rule
        }
        var obligations: [LicenseeObligation] = []
        if let action = transaction.use?.action {
            for clause in program.clauses where clause.sort == .duty && clause.covers(action) {
                obligations.append(obligation(of: clause, licence))
            }
        }
        // Run again with all the money it could want attached, to learn what it would pay.
        var rich = transaction
        rich.payment = Amount(baseUnits: UInt64(Int64.max))
        let wanted = result.verdict == .permitted ? result : LicenceEvaluator.evaluate(rich, on: licence, ledger: ledger, gasLimit: gasLimit)
        var amountDue: Amount?
        if wanted.verdict == .permitted {
            obligations += wanted.payments.map { .pay(amount: $0.amount, payee: $0.payee, rule: $0.rule) }
            amountDue = Amount(baseUnits: wanted.payments.reduce(UInt64(0)) { $0 &+ $1.amount.baseUnits })
        }
        return Explanation(verdict: result.verdict, decidingRule: deciding, rules: rules, obligations: obligations, amountDue: amountDue)
    }

    /// Each duty, prohibition and permission covering `action`, judged on its own.
    private static func outcomes(
        of action: LicenceAction, _ transaction: LicenceTransaction, _ licence: Licence, _ ledger: any LicenceLedgerView, _ gasLimit: UInt64
    ) -> [RuleOutcome] {
        let program = licence.template.program
        guard let parameters = try? LicenceEvaluator.boundParameters(program, licence.parameters) else { return [] }
        let inputs = EvaluationInputs(licence: licence, transaction: transaction, ledger: ledger, parameters: parameters)
        var outcomes: [RuleOutcome] = []
        for (sort, label) in [(ClauseSort.duty, "duty"), (.prohibition, "prohibition"), (.permission, "permission")] {
            for clause in program.clauses where clause.sort == sort && clause.covers(action) {
                var holds: Bool? = true
                if let entry = clause.condition {
                    var machine = Machine(program: program, inputs: inputs, gasLimit: gasLimit)
                    if case let .bool(value)? = try? machine.run(entry: entry, locals: clause.locals) { holds = value } else { holds = nil }
                }
                outcomes.append(RuleOutcome(rule: clause.name, sort: label,
                                            condition: ConditionTerm.condition(of: clause, in: program)?.text, holds: holds))
            }
        }
        return outcomes
    }

    private static func obligation(of duty: CompiledClause, _ licence: Licence) -> LicenseeObligation {
        let condition = ConditionTerm.condition(of: duty, in: licence.template.program)
        switch LicenseeDuty.kind(of: condition?.conjuncts ?? []).0 {
        case .attribute: return .attribute(rule: duty.name)
        case .shareAlike: return .offerDerivativeUnder(template: licence.template.id, rule: duty.name)
        case .obtainApproval: return .obtainApproval(rule: duty.name)
        case nil: return .meetCondition(rule: duty.name, condition: condition?.text ?? "its condition")
        }
    }
}

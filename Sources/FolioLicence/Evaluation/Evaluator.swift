import FolioCore

/// Runs licences for the chain (docs/licence-language.md §5, "Evaluating one transaction").
public enum LicenceEvaluator {
    /// The rule named when the terms' payments exceed the payment the transaction attached.
    public static let attachedPaymentRule = "attached-payment"

    /// Evaluates `transaction` against `licence` with the facts in `ledger`, spending at most
    /// `gasLimit`. A pure function: it reads only its arguments and changes nothing.
    public static func evaluate(
        _ transaction: LicenceTransaction, on licence: Licence, ledger: any LicenceLedgerView, gasLimit: UInt64
    ) -> Evaluation {
        evaluate(transaction, on: licence, ledger: ledger, gasLimit: gasLimit, metered: true)
    }

    /// For benchmark B13 only (BENCHMARKS.md: "gas metering costs ≤ 25%"): `evaluate` with no
    /// gas charged or checked, so nothing bounds the run but the language's own bounds, and
    /// `gasUsed` is 0. It is behind the `LicenceBenchmarks` SPI: a module sees it only through
    /// `@_spi(LicenceBenchmarks) import FolioLicence`, which only `licence-bench` and
    /// FolioLicenceTests write; the chain, the wallet and the RPC paths call `evaluate`, which is
    /// always metered.
    @_spi(LicenceBenchmarks)
    public static func evaluateUnmetered(
        _ transaction: LicenceTransaction, on licence: Licence, ledger: any LicenceLedgerView
    ) -> Evaluation {
        evaluate(transaction, on: licence, ledger: ledger, gasLimit: .max, metered: false)
    }

    private static func evaluate(
        _ transaction: LicenceTransaction, on licence: Licence, ledger: any LicenceLedgerView, gasLimit: UInt64, metered: Bool
    ) -> Evaluation {
        let program = licence.template.program
        let parameters: [LicenceValue]
        do {
            parameters = try boundParameters(program, licence.parameters)
        } catch {
            return refused(.refused(rule: "parameters", reason: error.reason), gasUsed: 0)
        }
        let inputs = EvaluationInputs(licence: licence, transaction: transaction, ledger: ledger, parameters: parameters)
        var machine = Machine(program: program, inputs: inputs, gasLimit: gasLimit, metered: metered)
        do {
            if let use = transaction.use {
                if let refusal = try checkUse(use.action, &machine) { return refusal }
            }
            for clause in program.clauses where clause.sort == .handler(transaction.kind) {
                machine.rule = clause.name
                if let body = clause.body { _ = try machine.run(entry: body, locals: clause.locals) }
            }
        } catch {
            return stopped(error, machine)
        }
        let total = machine.effects.payments.reduce(UInt64(0)) { $0 &+ UInt64($1.amount) }
        if total > transaction.payment.baseUnits {
            return refused(.refused(rule: Self.attachedPaymentRule,
                                    reason: "payments of \(total) exceed the \(transaction.payment.baseUnits) attached"),
                           gasUsed: machine.gasUsed)
        }
        return outcome(.permitted, machine.effects, program, gasUsed: machine.gasUsed)
    }

    /// Duties, then prohibitions, then permissions; nil when the use is granted.
    private static func checkUse(_ action: LicenceAction, _ machine: inout Machine) throws(MachineStop) -> Evaluation? {
        let clauses = machine.program.clauses
        for clause in clauses where clause.sort == .duty && clause.covers(action) {
            machine.rule = clause.name
            guard try holds(clause, &machine) != true else { continue }
            var breach = Effects()
            if let body = clause.body {
                machine.effects = Effects()
                do {
                    _ = try machine.run(entry: body, locals: clause.locals)
                    breach = machine.effects
                } catch .outOfGas {
                    throw MachineStop.outOfGas(pc: Int(body))
                } catch {
                    breach = Effects()
                }
            }
            breach.payments = []
            breach.counters = [:]
            breach.events = []
            return outcome(.refused(rule: clause.name, reason: "duty not met"), breach, machine.program, gasUsed: machine.gasUsed)
        }
        for clause in clauses where clause.sort == .prohibition && clause.covers(action) {
            machine.rule = clause.name
            if try holds(clause, &machine) != false {
                return refused(.refused(rule: clause.name, reason: "\(action.name) is prohibited"), gasUsed: machine.gasUsed)
            }
        }
        for clause in clauses where clause.sort == .permission && clause.covers(action) {
            machine.rule = clause.name
            if try holds(clause, &machine) == true { return nil }
        }
        return refused(.refused(rule: "no-permission", reason: "no permission grants \(action.name)"), gasUsed: machine.gasUsed)
    }

    /// A rule's condition: true, false, or nil for unknown. No condition means true.
    private static func holds(_ clause: CompiledClause, _ machine: inout Machine) throws(MachineStop) -> Bool? {
        guard let entry = clause.condition else { return true }
        switch try machine.run(entry: entry, locals: clause.locals) {
        case let .bool(value): return value
        case .unknown: return nil
        default: throw .trap("condition is not a Bool", pc: Int(entry))
        }
    }

    struct ParameterError: Error {
        let reason: String
    }

    static func boundParameters(_ program: Program, _ given: [String: LicenceValue]) throws(ParameterError) -> [LicenceValue] {
        var values: [LicenceValue] = []
        for slot in program.parameters {
            guard let value = given[slot.name] else {
                throw ParameterError(reason: "parameter '\(slot.name)' is missing")
            }
            guard value.conforms(to: slot.type) else {
                throw ParameterError(reason: "parameter '\(slot.name)' is not a \(slot.type)")
            }
            values.append(value)
        }
        return values
    }

    private static func stopped(_ stop: MachineStop, _ machine: Machine) -> Evaluation {
        switch stop {
        case let .refused(reason):
            return refused(.refused(rule: machine.rule, reason: reason), gasUsed: machine.gasUsed)
        case let .trap(message, pc):
            return refused(.refused(rule: machine.rule, reason: "\(message) at instruction \(pc)"), gasUsed: machine.gasUsed)
        case let .outOfGas(pc):
            return refused(.refused(rule: "gas", reason: "out of gas at instruction \(pc)"), gasUsed: machine.gasLimit)
        }
    }

    private static func refused(_ verdict: Verdict, gasUsed: UInt64) -> Evaluation {
        Evaluation(verdict: verdict, payments: [], counters: [:], variables: [:], status: nil, events: [], gasUsed: gasUsed)
    }

    private static func outcome(_ verdict: Verdict, _ effects: Effects, _ program: Program, gasUsed: UInt64) -> Evaluation {
        var variables: [String: LicenceValue] = [:]
        for (index, value) in effects.variables where index < program.variables.count {
            variables[program.variables[index].name] = value
        }
        let payments = effects.payments.compactMap { payment -> Payment? in
            guard let payee = Address(bytes: payment.payee) else { return nil }
            return Payment(payee: payee, amount: Amount(baseUnits: UInt64(payment.amount)), rule: payment.rule)
        }
        return Evaluation(verdict: verdict, payments: payments, counters: effects.counters, variables: variables,
                          status: effects.status, events: effects.events, gasUsed: gasUsed)
    }
}

import FolioCore

/// Evaluates rule conditions over symbolic inputs for the publish-time checks: a few facts are
/// fixed, enumerated facts (purpose, medium, status, kind, the declared Bools) take each of their
/// concrete values in turn, and everything else is unknown in the sense of "could be anything".
/// Kleene logic is monotone, so a definite result under these inputs holds for every input that
/// refines them (`??` and `known` are made to answer unknown on an open operand).
struct SymbolicRules {
    let template: LicenceTemplate
    private let licence: Licence
    private let transaction: LicenceTransaction

    /// The most assignments of enumerated facts tried per question, which bounds the work a
    /// hostile template can cause.
    static let assignmentCap = 256

    init?(_ template: LicenceTemplate) {
        guard let nobody = Address(bytes: [UInt8](repeating: 0, count: Address.byteCount)) else { return nil }
        self.template = template
        licence = Licence(id: template.id, template: template, parameters: [:], work: template.id, licensors: [])
        transaction = LicenceTransaction(kind: .report, sender: nobody)
    }

    var clauses: [CompiledClause] { template.program.clauses }

    /// Concrete values of each fact the checks enumerate.
    static func domain(_ fact: Fact) -> [LicenceValue]? {
        func codes<E: RawRepresentable & CaseIterable>(_: E.Type) -> [LicenceValue] where E.RawValue == UInt8 {
            E.allCases.map { .int(Int64($0.rawValue)) }
        }
        switch fact {
        case .usePurpose: return codes(UsePurpose.self)
        case .useMedium, .workMedia: return codes(UseMedium.self)
        case .licenceState, .workUpstreamState: return codes(LicenceStatus.self)
        case .txKind: return codes(TransactionKind.self)
        case .useAttributed, .useApproved: return [.bool(false), .bool(true)]
        default: return nil
        }
    }

    /// Facts read by a clause's condition (its code runs straight to `ret`).
    func facts(of clause: CompiledClause) -> Set<Fact> {
        guard let entry = clause.condition else { return [] }
        var found: Set<Fact> = []
        var pc = Int(entry)
        while pc < template.program.code.count, template.program.code[pc] != .ret {
            if case let .fact(fact) = template.program.code[pc] { found.insert(fact) }
            pc += 1
        }
        return found
    }

    /// Every assignment of the enumerable facts that `clauses` read, on top of `fixed`. Facts
    /// are enumerated smallest domain first while the product stays under the cap.
    func assignments(for clauses: [CompiledClause], fixed: [Fact: LicenceValue]) -> [[Fact: LicenceValue]] {
        let read = clauses.reduce(into: Set<Fact>()) { $0.formUnion(facts(of: $1)) }
        let enumerable = read.filter { fixed[$0] == nil }
            .compactMap { fact in SymbolicRules.domain(fact).map { (fact, $0) } }
            .sorted { ($0.1.count, $0.0.rawValue) < ($1.1.count, $1.0.rawValue) }
        var result = [fixed]
        for (fact, values) in enumerable where result.count * values.count <= SymbolicRules.assignmentCap {
            result = result.flatMap { partial in values.map { partial.merging([fact: $0]) { $1 } } }
        }
        return result
    }

    /// A clause's condition under `assumed`: true, false, or nil when it depends on open inputs
    /// (or traps). A clause without a condition always holds.
    func holds(_ clause: CompiledClause, _ assumed: [Fact: LicenceValue]) -> Bool? {
        guard let entry = clause.condition else { return true }
        let inputs = EvaluationInputs(licence: licence, transaction: transaction, ledger: OpenLedger(),
                                      parameters: template.program.parameters.map { _ in .unknown }, assumed: assumed)
        var machine = Machine(program: template.program, inputs: inputs, gasLimit: template.worstCaseGas)
        guard case let .bool(value)? = try? machine.run(entry: entry, locals: clause.locals) else { return nil }
        return value
    }

    /// The facts fixed when asking about a declared use of `action`.
    static func use(_ action: LicenceAction) -> [Fact: LicenceValue] {
        [.useAction: .int(Int64(action.rawValue))]
    }

    /// Actions a rule covers.
    static func actions(of clause: CompiledClause) -> [LicenceAction] { clause.actions ?? LicenceAction.allCases }
}

/// A ledger that knows nothing, for symbolic evaluation.
private struct OpenLedger: LicenceLedgerView {
    var height: UInt64 { 0 }
    var time: Int64 { 0 }
    var chainId: String { "" }
    func work(_ id: Hash256) -> WorkFacts? { nil }
    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? { nil }
}

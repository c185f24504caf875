/// A clause as compiled: what it covers and where its code starts.
struct CompiledClause: Equatable, Sendable {
    let sort: ClauseSort
    /// The rule name reported when this clause refuses.
    let name: String
    /// Actions covered (rules only); `nil` means every action.
    let actions: [LicenceAction]?
    /// Entry of the condition code (permissions, prohibitions, duties), ending in `ret`.
    let condition: UInt32?
    /// Entry of the statement code (handlers, duties' `otherwise`), ending in `ret`.
    let body: UInt32?
    /// Local slots the clause's code uses.
    let locals: UInt16

    func covers(_ action: LicenceAction) -> Bool { actions?.contains(action) ?? true }
}

/// A counter's declaration as recorded in the program.
struct CounterSlot: Equatable, Sendable {
    let name: String
    let key: LicenceType?
    let value: LicenceType
}

/// A state variable's declaration and initial value.
struct VariableSlot: Equatable, Sendable {
    let name: String
    let type: LicenceType
    let initial: LicenceValue
}

/// A named, typed parameter.
struct ParameterSlot: Equatable, Sendable {
    let name: String
    let type: LicenceType
}

/// A compiled licence template: what is published (as canonical bytes) and what the VM runs.
struct Program: Equatable, Sendable {
    let name: String
    let gasScheduleVersion: UInt32
    let parameters: [ParameterSlot]
    let counters: [CounterSlot]
    let variables: [VariableSlot]
    let constants: [LicenceValue]
    let clauses: [CompiledClause]
    let code: [Instruction]
    /// `code` decoded for the VM, built once here rather than on every run.
    let lowered: LoweredCode

    init(name: String, gasScheduleVersion: UInt32, parameters: [ParameterSlot], counters: [CounterSlot],
         variables: [VariableSlot], constants: [LicenceValue], clauses: [CompiledClause], code: [Instruction]) {
        self.name = name
        self.gasScheduleVersion = gasScheduleVersion
        self.parameters = parameters
        self.counters = counters
        self.variables = variables
        self.constants = constants
        self.clauses = clauses
        self.code = code
        lowered = LoweredCode(code: code, constants: constants, counters: counters,
                              entries: clauses.flatMap { [$0.condition, $0.body].compactMap { $0 } })
    }

    /// `lowered` is a function of the rest, so it takes no part.
    static func == (a: Program, b: Program) -> Bool {
        a.name == b.name && a.gasScheduleVersion == b.gasScheduleVersion && a.parameters == b.parameters
            && a.counters == b.counters && a.variables == b.variables && a.constants == b.constants
            && a.clauses == b.clauses && a.code == b.code
    }
}

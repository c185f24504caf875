/// Type-checks a parsed licence and emits its bytecode in one pass: every expression is compiled
/// by a function that returns its static type, so an ill-typed licence never produces code.
struct Compiler {
    var code: [Instruction] = []
    var constants: [LicenceValue] = []
    var constantIndex: [LicenceValue: UInt16] = [:]
    var parameters: [String: (slot: UInt16, type: LicenceType)] = [:]
    var counters: [String: (slot: UInt16, declaration: CounterDeclaration)] = [:]
    var variables: [String: (slot: UInt16, type: LicenceType)] = [:]
    /// Innermost scope last.
    var scopes: [[String: (slot: UInt16, type: LicenceType)]] = []
    var nextLocal: UInt16 = 0
    var maxLocals: UInt16 = 0

    /// Compiles source text into a program, refusing it if its worst-case gas exceeds `gasCap`.
    static func compile(_ text: String, gasCap: UInt64) throws(LicenceError) -> (Program, worstCaseGas: UInt64) {
        let source = try Parser.parse(text)
        var compiler = Compiler()
        let program = try compiler.program(source)
        let worst = WorstCaseGas.program(program)
        guard worst <= gasCap else { throw .gasOverCap(worstCase: worst, cap: gasCap) }
        return (program, worst)
    }

    private mutating func program(_ source: LicenceSource) throws(LicenceError) -> Program {
        for list in [source.parameters.count, source.counters.count, source.variables.count] where list > Limits.declarations {
            throw .limit("more than \(Limits.declarations) parameters, counters or variables")
        }
        guard source.clauses.count <= Limits.clauses else { throw .limit("more than \(Limits.clauses) clauses") }
        var parameterSlots: [ParameterSlot] = []
        for parameter in source.parameters {
            try declare(parameter.name, at: parameter.location)
            parameters[parameter.name] = (UInt16(parameterSlots.count), parameter.type)
            parameterSlots.append(ParameterSlot(name: parameter.name, type: parameter.type))
        }
        var counterSlots: [CounterSlot] = []
        for counter in source.counters {
            try declare(counter.name, at: counter.location)
            try checkCounterTypes(counter)
            counters[counter.name] = (UInt16(counterSlots.count), counter)
            counterSlots.append(CounterSlot(name: counter.name, key: counter.key, value: counter.value))
        }
        var variableSlots: [VariableSlot] = []
        for variable in source.variables {
            try declare(variable.name, at: variable.location)
            guard let (type, value) = literal(variable.initial), type == variable.type else {
                throw .type(variable.initial.location, "a variable's initial value must be a literal of type \(variable.type)")
            }
            variables[variable.name] = (UInt16(variableSlots.count), type)
            variableSlots.append(VariableSlot(name: variable.name, type: type, initial: value))
        }
        var clauses: [CompiledClause] = []
        var counts: [String: Int] = [:]
        for clause in source.clauses {
            counts[clause.sort.namePrefix, default: 0] += 1
            let name = clause.name ?? "\(clause.sort.namePrefix)#\(counts[clause.sort.namePrefix, default: 0])"
            clauses.append(try compile(clause, name: name))
        }
        guard code.count <= Limits.instructions else { throw .limit("more than \(Limits.instructions) instructions") }
        return Program(name: source.name, gasScheduleVersion: GasSchedule.version, parameters: parameterSlots,
                       counters: counterSlots, variables: variableSlots, constants: constants, clauses: clauses, code: code)
    }

    private func checkCounterTypes(_ counter: CounterDeclaration) throws(LicenceError) {
        switch counter.value {
        case .int, .money: break
        default: throw .type(counter.location, "a counter holds Int or Money, not \(counter.value)")
        }
        if let key = counter.key, !key.isScalar {
            throw .type(counter.location, "a counter key must be a single value, not \(key)")
        }
    }

    private func declare(_ name: String, at location: SourcePosition) throws(LicenceError) {
        if parameters[name] != nil || counters[name] != nil || variables[name] != nil {
            throw .type(location, "'\(name)' is already declared")
        }
        if Vocabulary.constant(named: name) != nil {
            throw .type(location, "'\(name)' is a built-in constant; choose another name")
        }
    }

    private mutating func compile(_ clause: ClauseDeclaration, name: String) throws(LicenceError) -> CompiledClause {
        nextLocal = 0
        maxLocals = 0
        scopes = [[:]]
        var condition: UInt32?
        var body: UInt32?
        if let expression = clause.condition {
            condition = UInt32(code.count)
            try expect(.bool, try self.expression(expression), at: expression.location, "a condition")
            emit(.ret)
        }
        if case .handler = clause.sort {
            body = UInt32(code.count)
            try block(clause.body)
            emit(.ret)
        } else if !clause.body.isEmpty {
            body = UInt32(code.count)
            try block(clause.body)
            emit(.ret)
        }
        return CompiledClause(sort: clause.sort, name: name, actions: clause.actions, condition: condition, body: body, locals: maxLocals)
    }

    mutating func emit(_ instruction: Instruction) { code.append(instruction) }

    mutating func constant(_ value: LicenceValue) throws(LicenceError) -> UInt16 {
        if let index = constantIndex[value] { return index }
        guard constants.count < Limits.constants else { throw .limit("more than \(Limits.constants) constants") }
        let index = UInt16(constants.count)
        constants.append(value)
        constantIndex[value] = index
        return index
    }

    func expect(_ wanted: LicenceType, _ found: LicenceType, at location: SourcePosition, _ what: String) throws(LicenceError) {
        guard wanted == found else { throw .type(location, "\(what) must be \(wanted), found \(found)") }
    }

    func lookupLocal(_ name: String) -> (slot: UInt16, type: LicenceType)? {
        for scope in scopes.reversed() { if let found = scope[name] { return found } }
        return nil
    }

    mutating func bindLocal(_ name: String, _ type: LicenceType, at location: SourcePosition) throws(LicenceError) -> UInt16 {
        if lookupLocal(name) != nil || parameters[name] != nil || counters[name] != nil || variables[name] != nil
            || Vocabulary.constant(named: name) != nil {
            throw .type(location, "'\(name)' already names something; choose another name")
        }
        guard Int(nextLocal) < Limits.locals else { throw .limit("more than \(Limits.locals) local names in a clause") }
        let slot = nextLocal
        nextLocal += 1
        maxLocals = max(maxLocals, nextLocal)
        scopes[scopes.count - 1][name] = (slot, type)
        return slot
    }
}

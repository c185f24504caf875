/// A rule's condition rebuilt from its bytecode as a tree, so published templates (which carry
/// no source) can still be exported to ODRL and explained. Conditions are straight-line code
/// ending in `ret`, so one symbolic pass over the stack rebuilds them.
indirect enum ConditionTerm: Equatable, Sendable {
    case fact(Fact)
    case parameter(String)
    case variable(String)
    case counter(String)
    case constant(LicenceValue)
    case compare(Comparison, ConditionTerm, ConditionTerm)
    case setOperation(SetOperator, ConditionTerm, ConditionTerm)
    case and(ConditionTerm, ConditionTerm)
    case or(ConditionTerm, ConditionTerm)
    case xone(ConditionTerm, ConditionTerm)
    case not(ConditionTerm)
    case call(Builtin, [ConditionTerm])
    /// Arithmetic, a coalesce or anything else that is only shown as text.
    case other(String, [ConditionTerm])

    /// The condition of `clause`, or nil when it has none or its code is not a plain expression.
    static func condition(of clause: CompiledClause, in program: Program) -> ConditionTerm? {
        guard let entry = clause.condition else { return nil }
        var stack: [ConditionTerm] = []
        var pc = Int(entry)
        func pop(_ count: Int) -> [ConditionTerm]? {
            guard stack.count >= count else { return nil }
            defer { stack.removeLast(count) }
            return Array(stack.suffix(count))
        }
        while pc < program.code.count {
            let instruction = program.code[pc]
            pc += 1
            switch instruction {
            case .ret:
                return stack.count == 1 ? stack[0] : nil
            case let .push(index):
                guard Int(index) < program.constants.count else { return nil }
                stack.append(.constant(program.constants[Int(index)]))
            case let .param(index):
                guard Int(index) < program.parameters.count else { return nil }
                stack.append(.parameter(program.parameters[Int(index)].name))
            case let .variable(index):
                guard Int(index) < program.variables.count else { return nil }
                stack.append(.variable(program.variables[Int(index)].name))
            case let .counter(index, keyed):
                guard Int(index) < program.counters.count, !keyed || pop(1) != nil else { return nil }
                stack.append(.counter(program.counters[Int(index)].name))
            case let .fact(fact):
                stack.append(.fact(fact))
            case let .compare(comparison):
                guard let operands = pop(2) else { return nil }
                stack.append(.compare(comparison, operands[0], operands[1]))
            case let .setOp(op):
                guard let operands = pop(2) else { return nil }
                stack.append(.setOperation(op, operands[0], operands[1]))
            case .and, .or, .xone:
                guard let operands = pop(2) else { return nil }
                let (a, b) = (operands[0], operands[1])
                stack.append(instruction == .and ? .and(a, b) : instruction == .or ? .or(a, b) : .xone(a, b))
            case .not:
                guard let operand = pop(1) else { return nil }
                stack.append(.not(operand[0]))
            case let .call(builtin):
                let arity = builtin == .min || builtin == .max ? 2 : 1
                guard let operands = pop(arity) else { return nil }
                stack.append(.call(builtin, operands))
            case .neg, .unscale:
                guard let operand = pop(1) else { return nil }
                stack.append(.other(instruction == .neg ? "-" : "round", operand))
            case .add, .sub, .subMoney, .mul, .mulScaled, .div, .divScaled, .coalesce:
                guard let operands = pop(2) else { return nil }
                stack.append(.other(ConditionTerm.symbol(instruction), operands))
            case let .makeSet(count):
                guard let elements = pop(Int(count)) else { return nil }
                stack.append(.other("set", elements))
            default:
                return nil
            }
        }
        return nil
    }

    private static func symbol(_ instruction: Instruction) -> String {
        switch instruction {
        case .add: return "+"
        case .sub, .subMoney: return "-"
        case .mul, .mulScaled: return "*"
        case .div, .divScaled: return "/"
        default: return "??"
        }
    }

    /// The conjuncts of a top-level `and` chain.
    var conjuncts: [ConditionTerm] {
        if case let .and(a, b) = self { return a.conjuncts + b.conjuncts }
        return [self]
    }

    /// Whether the term reads `fact` anywhere.
    func reads(_ wanted: Fact) -> Bool {
        switch self {
        case let .fact(fact): return fact == wanted
        case .parameter, .variable, .counter, .constant: return false
        case let .compare(_, a, b), let .setOperation(_, a, b), let .and(a, b), let .or(a, b), let .xone(a, b):
            return a.reads(wanted) || b.reads(wanted)
        case let .not(a): return a.reads(wanted)
        case let .call(_, terms), let .other(_, terms): return terms.contains { $0.reads(wanted) }
        }
    }
}

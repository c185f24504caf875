/// Why a run of licence code stopped early.
enum MachineStop: Error, Equatable {
    /// A `require`, an unknown value in a decision, or a bounded collection over its bound.
    case refused(String)
    /// Overflow, division by zero, money below zero, or bytecode that does not fit its types.
    case trap(String, pc: Int)
    /// The next instruction would have taken gas over the limit.
    case outOfGas(pc: Int)
}

/// What the code has caused so far in one evaluation.
struct Effects: Equatable {
    var payments: [(payee: [UInt8], amount: Int64, rule: String)] = []
    var counters: [CounterKey: Int64] = [:]
    var variables: [Int: LicenceValue] = [:]
    var status: LicenceStatus?
    var events: [String] = []

    static func == (a: Effects, b: Effects) -> Bool {
        a.payments.elementsEqual(b.payments) { $0.payee == $1.payee && $0.amount == $1.amount && $0.rule == $1.rule }
            && a.counters == b.counters && a.variables == b.variables && a.status == b.status && a.events == b.events
    }
}

/// The metered stack machine. It charges each instruction's gas before running it and checks
/// every pop, index and operand type, so no bytecode can crash it or run past its gas.
struct Machine {
    let program: Program
    let inputs: EvaluationInputs
    let gasLimit: UInt64
    /// False only for the B13 benchmark's unmetered runs (`LicenceEvaluator.evaluateUnmetered`),
    /// which measure what metering costs; every evaluation the chain makes is metered.
    let metered: Bool
    var gasUsed: UInt64 = 0
    var effects = Effects()
    var stack: [LicenceValue] = []
    var locals: [LicenceValue] = []
    var loops: [(start: Int, end: Int, elements: [LicenceValue], index: Int, local: Int)] = []
    /// The rule payments are attributed to.
    var rule = ""

    init(program: Program, inputs: EvaluationInputs, gasLimit: UInt64, metered: Bool = true) {
        self.program = program
        self.inputs = inputs
        self.gasLimit = gasLimit
        self.metered = metered
        stack.reserveCapacity(32)
    }

    /// Runs the code at `entry` to its `ret`; returns what a condition left on the stack.
    mutating func run(entry: UInt32, locals count: UInt16) throws(MachineStop) -> LicenceValue? {
        stack.removeAll(keepingCapacity: true)
        loops.removeAll()
        locals = Array(repeating: .unknown, count: Int(count))
        var pc = Int(entry)
        while true {
            guard pc >= 0, pc < program.code.count else { throw .trap("ran off the end of the code", pc: pc) }
            let instruction = program.code[pc]
            if metered {
                let cost = GasSchedule.cost(instruction)
                guard gasLimit - gasUsed >= cost else { throw .outOfGas(pc: pc) }
                gasUsed += cost
            }
            switch instruction {
            case .ret:
                return stack.last
            case let .jump(offset):
                pc = try target(pc, offset)
                continue
            case let .jumpIfFalse(offset):
                switch try pop(pc) {
                case .bool(true): break
                case .bool(false):
                    pc = try target(pc, offset)
                    continue
                case .unknown: throw .refused("unknown fact")
                default: throw .trap("condition is not a Bool", pc: pc)
                }
            case let .forEach(local, bodyLength, bound):
                let elements = try elements(of: try pop(pc), pc)
                guard elements.count <= Int(bound) else { throw .refused("collection larger than its bound of \(bound)") }
                let end = pc + 1 + Int(bodyLength)
                guard Int(local) < locals.count, end <= program.code.count else { throw .trap("malformed loop", pc: pc) }
                if elements.isEmpty {
                    pc = end
                    continue
                }
                locals[Int(local)] = elements[0]
                loops.append((pc + 1, end, elements, 0, Int(local)))
            case .next:
                // Advanced in place, not popped and re-appended for every element.
                let innermost = loops.count - 1
                guard innermost >= 0 else { throw .trap("'next' outside a loop", pc: pc) }
                loops[innermost].index += 1
                let index = loops[innermost].index
                if index < loops[innermost].elements.count {
                    locals[loops[innermost].local] = loops[innermost].elements[index]
                    pc = loops[innermost].start
                    continue
                }
                loops.removeLast()
            default:
                try step(instruction, pc)
            }
            pc += 1
        }
    }

    private func target(_ pc: Int, _ offset: UInt32) throws(MachineStop) -> Int {
        let target = pc + 1 + Int(offset)
        if !loops.isEmpty, target >= loops[loops.count - 1].end { throw .trap("jump out of a loop body", pc: pc) }
        return target
    }

    @inline(__always)
    mutating func pop(_ pc: Int) throws(MachineStop) -> LicenceValue {
        guard let value = stack.popLast() else { throw .trap("stack underflow", pc: pc) }
        return value
    }

    @inline(__always)
    mutating func popInt(_ pc: Int) throws(MachineStop) -> Int64? {
        switch try pop(pc) {
        case let .int(value): return value
        case .unknown: return nil
        default: throw .trap("operand is not a number", pc: pc)
        }
    }

    /// Pops a known Int, refusing on unknown (for payments and counters, which must not guess).
    mutating func popKnownInt(_ pc: Int) throws(MachineStop) -> Int64 {
        guard let value = try popInt(pc) else { throw .refused("unknown fact") }
        return value
    }

    func elements(of value: LicenceValue, _ pc: Int) throws(MachineStop) -> [LicenceValue] {
        switch value {
        case let .set(elements), let .list(elements): return elements
        case let .shares(shares): return shares.map { .bytes($0.party) }
        case .unknown: throw .refused("unknown fact")
        default: throw .trap("operand is not a collection", pc: pc)
        }
    }
}

/// The metered stack machine. It checks every pop, index and operand type, so no bytecode can
/// crash it, and it never runs an instruction the gas limit does not cover.
///
/// Gas is charged per basic block (`LoweredCode`): entering a block charges the whole block's
/// gas if it fits; a stop inside the block refunds the part not run. When a block does not fit,
/// the block runs one instruction at a time, each charged before it runs, and stops before the
/// first that would go over the limit — the same instruction, and the same gas used, as charging
/// every instruction separately.
struct Machine {
    let program: Program
    let code: LoweredCode
    let inputs: EvaluationInputs
    let gasLimit: UInt64
    /// False only for the B13 benchmark's unmetered runs (`LicenceEvaluator.evaluateUnmetered`),
    /// which measure what metering costs; every evaluation the chain makes is metered.
    let metered: Bool
    /// Publish-time checks (`inputs.assumed` set): counters read as unknown.
    let symbolic: Bool
    var gasUsed: UInt64 = 0
    var effects = Effects()
    /// The run's operand stack and locals; allocated by `run`, freed when it ends.
    var stack = ValueStack.none
    var locals = ValueStack.none
    /// The open loops, innermost last.
    var loops = RunBuffer<Loop>()
    /// Unkeyed counters' values during one run (by `LoweredCode` cache slot), written to
    /// `effects.counters` when the run ends, so a counter is looked up once per run.
    var counters = RunBuffer<CachedCounter>()
    /// The rule payments are attributed to.
    var rule = ""

    struct Loop {
        let start: Int
        let end: Int
        let elements: [LicenceValue]
        var index: Int
        let local: Int
    }

    enum CounterState: UInt8 { case unread, read, changed }

    struct CachedCounter {
        var value: Int64
        var state: CounterState
    }

    init(program: Program, inputs: EvaluationInputs, gasLimit: UInt64, metered: Bool = true) {
        self.program = program
        code = program.lowered
        self.inputs = inputs
        self.gasLimit = gasLimit
        self.metered = metered
        symbolic = inputs.assumed != nil
    }

    /// Runs the code at `entry` to its `ret`; returns what a condition left on the stack.
    mutating func run(entry: UInt32, locals count: UInt16) throws(MachineStop) -> LicenceValue? {
        stack = ValueStack(capacity: 32)
        locals = ValueStack(locals: Int(count))
        loops = RunBuffer()
        if !code.counterNames.isEmpty {
            counters = RunBuffer(repeating: CachedCounter(value: 0, state: .unread), count: code.counterNames.count)
        }
        defer {
            stack.free()
            locals.free()
            loops.free()
            writeCounters()
            counters.free()
        }
        return try dispatch(from: Int(entry))
    }

    private mutating func dispatch(from entry: Int) throws(MachineStop) -> LicenceValue? {
        let ops = code.ops
        var pc = entry
        guard pc < code.count else { throw .trap("ran off the end of the code", pc: pc) }
        if metered, ops[pc].gas == 0 {
            // Entered where no block starts (bytecode no compiler writes): charge the rest of it.
            guard gasLimit - gasUsed >= code.rest[pc] else { try runExactly(from: pc) }
            gasUsed += code.rest[pc]
        }
        var exact = false
        do throws(MachineStop) {
            while true {
                let op = ops[pc]
                if metered, op.gas != 0 {
                    guard gasLimit - gasUsed >= op.gas else {
                        exact = true
                        try runExactly(from: pc)
                    }
                    gasUsed += op.gas
                }
                switch op.code {
                case .ret:
                    return stack.count > 0 ? stack.value(stack.count - 1) : nil
                case .jump:
                    pc = try target(pc, op.a)
                    continue
                case .jumpIfFalse:
                    let condition = try popSlot(pc)
                    switch condition.kind {
                    case .bool where condition.bits != 0: break
                    case .bool:
                        pc = try target(pc, op.a)
                        continue
                    case .unknown: throw .refused("unknown fact")
                    default: throw .trap("condition is not a Bool", pc: pc)
                    }
                case .forEach:
                    let elements = try elements(of: try pop(pc), pc)
                    guard elements.count <= Int(op.imm) else { throw .refused("collection larger than its bound of \(op.imm)") }
                    let end = pc + 1 + Int(op.b)
                    guard Int(op.a) < locals.count, end <= code.count else { throw .trap("malformed loop", pc: pc) }
                    if elements.isEmpty {
                        pc = end
                        continue
                    }
                    locals.set(Int(op.a), elements[0])
                    loops.append(Loop(start: pc + 1, end: end, elements: elements, index: 0, local: Int(op.a)))
                case .next:
                    let innermost = loops.count - 1
                    guard innermost >= 0 else { throw .trap("'next' outside a loop", pc: pc) }
                    let index = loops[innermost].index + 1
                    if index < loops[innermost].elements.count {
                        loops[innermost].index = index
                        locals.set(loops[innermost].local, loops[innermost].elements[index])
                        pc = loops[innermost].start
                        continue
                    }
                    loops.removeLast()
                case .offEnd:
                    throw .trap("ran off the end of the code", pc: pc)
                // The commonest ops, here rather than in `execute`, which the compiler does not
                // inline into this loop.
                case .localLocal:
                    if let x = localInt(op.a), let y = localInt(op.b), let result = Self.combine(op, x, y) {
                        stack.push(result)
                        pc += 3
                        continue
                    }
                    if op.then == .compare, compareLocals(op) {
                        pc += 3
                        continue
                    }
                    try execute(code.plain[pc], pc)
                case .localImm:
                    if let x = localInt(op.a), let result = Self.combine(op, x, op.imm) {
                        stack.push(result)
                        pc += 3
                        continue
                    }
                    try execute(code.plain[pc], pc)
                case .withLocal:
                    if let y = localInt(op.a), let x = topInt(), let result = Self.combine(op, x, y) {
                        stack.slots[stack.count - 1] = result
                        pc += 2
                        continue
                    }
                    try execute(code.plain[pc], pc)
                case .withImm:
                    if let x = topInt(), let result = Self.combine(op, x, op.imm) {
                        stack.slots[stack.count - 1] = result
                        pc += 2
                        continue
                    }
                    try execute(code.plain[pc], pc)
                case .lengthOfLocal, .counterToLocal, .immToCounter:
                    if fused(op) {
                        pc += op.code.span
                        continue
                    }
                    try execute(code.plain[pc], pc)
                case .pushInt: stack.push(.int(op.imm))
                case .local: try pushLocal(Int(op.a), pc)
                case .setLocal: try storeLocal(Int(op.a), pc)
                case .add, .sub, .mul, .div: try binaryArithmetic(op.code, op.rounding, pc)
                case .addCounter: try addToCounter(slot: Int(op.a), pc)
                default:
                    try execute(op, pc)
                }
                pc += 1
            }
        } catch {
            // The block was charged whole; give back what it did not run.
            if metered, !exact { gasUsed -= code.refund[pc] }
            throw error
        }
    }

    /// Runs the block at `pc`, which does not fit in the gas left, charging each instruction
    /// before it runs. The block costs more than is left, so this stops (out of gas at the
    /// first instruction that does not fit, or earlier for another reason) before its last
    /// instruction, the only one that can be a control instruction.
    private mutating func runExactly(from start: Int) throws(MachineStop) -> Never {
        var pc = start
        while true {
            let cost = GasSchedule.cost(program.code[pc])
            guard gasLimit - gasUsed >= cost else { throw .outOfGas(pc: pc) }
            gasUsed += cost
            let op = code.plain[pc]
            switch op.code {
            case .ret, .jump, .jumpIfFalse, .forEach, .next, .offEnd:
                // Unreachable, as above; kept as a stop rather than a crash.
                throw .trap("control instruction in a block over the gas left", pc: pc)
            default:
                try execute(op, pc)
            }
            pc += 1
        }
    }

    private func target(_ pc: Int, _ offset: UInt32) throws(MachineStop) -> Int {
        let target = pc + 1 + Int(offset)
        if loops.count > 0, target >= loops[loops.count - 1].end { throw .trap("jump out of a loop body", pc: pc) }
        // One past the last instruction is the `offEnd` sentinel, which traps the same way.
        guard target <= code.count else { throw .trap("ran off the end of the code", pc: target) }
        return target
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

/// What the VM dispatches on: one `Op` per instruction, its operands decoded once when the
/// program is built, not on every run. The hot instructions get their own op codes; the rest
/// run through `Machine.step` on the original `Instruction` (`.general`).
enum OpCode: UInt8, Sendable {
    case ret, jump, jumpIfFalse, forEach, next
    /// Past the last instruction: falling onto it traps, as running off the end always has.
    case offEnd
    /// `push` of an Int or Bool constant (its value in `imm`), or of any other constant (`a`).
    case pushInt, pushBool, pushBoxed
    case local, setLocal
    /// An unkeyed counter, `a` its cache slot (the first counter slot with the same name).
    case counter, addCounter
    case add, sub, subMoney, mul, neg
    /// Rounded as the op's `rounding` says.
    case mulScaled, div, divScaled, unscale
    /// As the op's `comparison` says.
    case compare
    case not, and, or, xone
    case min, max, len
    case general
    // Superinstructions (LoweredCode+Fusion.swift): a run of ops inside one block, done at once
    // when every operand is an Int and nothing overflows, else by running the plain ops.
    /// `local a; local b; then`.
    case localLocal
    /// `local a; push imm; then`.
    case localImm
    /// `local a; then` (the left operand is on the stack).
    case withLocal
    /// `push imm; then` (the left operand is on the stack).
    case withImm
    /// `local a; call len`.
    case lengthOfLocal
    /// `counter a; setLocal b`.
    case counterToLocal
    /// `push imm; addCounter a`.
    case immToCounter
}

/// One decoded instruction. `gas` is nonzero only where a basic block starts: it is the whole
/// block's gas, charged (and checked against the limit) once on entering the block.
struct Op: Sendable {
    var code: OpCode
    var a: UInt32 = 0
    var b: UInt32 = 0
    var gas: UInt64 = 0
    var imm: Int64 = 0
    var rounding: Rounding = .floor
    var comparison: Comparison = .equal
    /// A superinstruction's operator: add, sub, mul, div, min, max or compare.
    var then: OpCode = .general
}

/// A program's code as the VM runs it: the ops (plus an `offEnd` sentinel after the last), and
/// per instruction the gas of the rest of its basic block after it, refunded when the
/// instruction stops the run, so the gas used is exactly that of the instructions executed.
///
/// Blocks are what make per-block charging exact: a block is entered only at its first
/// instruction and, short of a stop, runs to its last, which is the only one that can move
/// control anywhere but the next instruction. Every entry, jump target and instruction after a
/// control instruction starts a block.
final class LoweredCode: @unchecked Sendable {
    // Immutable after `init`; the buffers are freed in `deinit`.
    /// What the machine dispatches on: superinstructions where they apply, else plain ops.
    let ops: UnsafeMutablePointer<Op>
    /// One plain op per instruction, for running a superinstruction's parts one by one.
    let plain: UnsafeMutablePointer<Op>
    /// Instructions, not counting the sentinel.
    let count: Int
    /// Gas of the instructions after this one in its block (index `count`: 0).
    let refund: [UInt64]
    /// Gas from this instruction to the end of its block, for a run entered mid-block.
    let rest: [UInt64]
    /// The names of the unkeyed counters' cache slots, by slot.
    let counterNames: [String]
    /// Each counter slot's cache slot: counters of one name share one.
    let counterCacheSlots: [Int]

    init(code: [Instruction], constants: [LicenceValue], counters: [CounterSlot], entries: [UInt32]) {
        count = code.count
        var leader = [Bool](repeating: false, count: code.count + 1)
        for entry in entries where Int(entry) < code.count { leader[Int(entry)] = true }
        func mark(_ target: Int) { if target >= 0, target < code.count { leader[target] = true } }
        mark(0)
        for (pc, instruction) in code.enumerated() {
            switch instruction {
            case let .jump(offset), let .jumpIfFalse(offset):
                mark(pc + 1)
                mark(pc + 1 + Int(offset))
            case let .forEach(_, bodyLength, _):
                mark(pc + 1)
                mark(pc + 1 + Int(bodyLength))
            case .next, .ret:
                mark(pc + 1)
            default:
                break
            }
        }
        var rest = [UInt64](repeating: 0, count: code.count + 1)
        var refund = [UInt64](repeating: 0, count: code.count + 1)
        for pc in stride(from: code.count - 1, through: 0, by: -1) {
            let cost = GasSchedule.cost(code[pc])
            let endsBlock = code[pc].movesControl || leader[pc + 1]
            refund[pc] = endsBlock ? 0 : rest[pc + 1]
            rest[pc] = cost + refund[pc]
        }
        self.rest = rest
        self.refund = refund

        var names: [String] = []
        var cacheSlot: [Int] = []
        for counter in counters {
            if let existing = names.firstIndex(of: counter.name) {
                cacheSlot.append(existing)
            } else {
                cacheSlot.append(names.count)
                names.append(counter.name)
            }
        }
        counterNames = names
        counterCacheSlots = cacheSlot

        var plainOps: [Op] = code.enumerated().map { pc, instruction in
            var op = Self.op(for: instruction, constants: constants, counters: counters, cacheSlot: cacheSlot)
            // Every instruction costs at least 1, so 0 can mean "not a block start".
            op.gas = leader[pc] ? rest[pc] : 0
            return op
        }
        plainOps.append(Op(code: .offEnd))
        plain = .allocate(capacity: plainOps.count)
        plain.initialize(from: plainOps, count: plainOps.count)
        let fusedOps = Self.fuse(plainOps, leader: leader)
        ops = .allocate(capacity: fusedOps.count)
        ops.initialize(from: fusedOps, count: fusedOps.count)
    }

    deinit {
        ops.deinitialize(count: count + 1)
        ops.deallocate()
        plain.deinitialize(count: count + 1)
        plain.deallocate()
    }

    private static func op(for instruction: Instruction, constants: [LicenceValue], counters: [CounterSlot],
                           cacheSlot: [Int]) -> Op {
        switch instruction {
        case let .push(index) where Int(index) < constants.count:
            switch constants[Int(index)] {
            case let .int(value): return Op(code: .pushInt, imm: value)
            case let .bool(value): return Op(code: .pushBool, imm: value ? 1 : 0)
            case .unknown: return Op(code: .general)
            default: return Op(code: .pushBoxed, a: UInt32(index))
            }
        case let .local(index): return Op(code: .local, a: UInt32(index))
        case let .setLocal(index): return Op(code: .setLocal, a: UInt32(index))
        case let .counter(index, false) where Int(index) < counters.count:
            return Op(code: .counter, a: UInt32(cacheSlot[Int(index)]))
        case let .addCounter(index, false) where Int(index) < counters.count:
            return Op(code: .addCounter, a: UInt32(cacheSlot[Int(index)]))
        case let .jump(offset): return Op(code: .jump, a: offset)
        case let .jumpIfFalse(offset): return Op(code: .jumpIfFalse, a: offset)
        case let .forEach(local, bodyLength, bound):
            return Op(code: .forEach, a: UInt32(local), b: bodyLength, imm: Int64(bound))
        case .next: return Op(code: .next)
        case .ret: return Op(code: .ret)
        case .add: return Op(code: .add)
        case .sub: return Op(code: .sub)
        case .subMoney: return Op(code: .subMoney)
        case .mul: return Op(code: .mul)
        case .neg: return Op(code: .neg)
        case let .mulScaled(rounding): return Op(code: .mulScaled, rounding: rounding)
        case let .div(rounding): return Op(code: .div, rounding: rounding)
        case let .divScaled(rounding): return Op(code: .divScaled, rounding: rounding)
        case let .unscale(rounding): return Op(code: .unscale, rounding: rounding)
        case let .compare(comparison): return Op(code: .compare, comparison: comparison)
        case .not: return Op(code: .not)
        case .and: return Op(code: .and)
        case .or: return Op(code: .or)
        case .xone: return Op(code: .xone)
        case .call(.min): return Op(code: .min)
        case .call(.max): return Op(code: .max)
        case .call(.len): return Op(code: .len)
        default: return Op(code: .general)
        }
    }
}

extension Instruction {
    /// Whether the instruction can send control anywhere but to the next instruction (or stop).
    var movesControl: Bool {
        switch self {
        case .jump, .jumpIfFalse, .forEach, .next, .ret: return true
        default: return false
        }
    }
}

// The licence VM as it was before basic-block gas and the slot stack (commit 16c44cf), kept
// as an independent oracle: MachineEquivalenceTests checks that `Machine` gives the same result,
// stop, gas used and effects as this straightforward one-instruction-at-a-time machine.
@testable import FolioLicence

/// The metered stack machine. It charges each instruction's gas before running it and checks
/// every pop, index and operand type, so no bytecode can crash it or run past its gas.
struct ReferenceMachine {
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

    fileprivate func target(_ pc: Int, _ offset: UInt32) throws(MachineStop) -> Int {
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

extension ReferenceMachine {
    /// Runs one instruction that neither jumps nor returns.
    mutating func step(_ instruction: Instruction, _ pc: Int) throws(MachineStop) {
        switch instruction {
        case let .push(index):
            guard Int(index) < program.constants.count else { throw .trap("no constant \(index)", pc: pc) }
            stack.append(program.constants[Int(index)])
        case let .param(index):
            guard Int(index) < inputs.parameters.count else { throw .trap("no parameter \(index)", pc: pc) }
            stack.append(inputs.parameters[Int(index)])
        case let .local(index):
            guard Int(index) < locals.count else { throw .trap("no local \(index)", pc: pc) }
            stack.append(locals[Int(index)])
        case let .setLocal(index):
            guard Int(index) < locals.count else { throw .trap("no local \(index)", pc: pc) }
            locals[Int(index)] = try pop(pc)
        case let .variable(index):
            guard Int(index) < program.variables.count else { throw .trap("no variable \(index)", pc: pc) }
            stack.append(effects.variables[Int(index)] ?? inputs.variable(Int(index), of: program))
        case let .setVariable(index):
            guard Int(index) < program.variables.count else { throw .trap("no variable \(index)", pc: pc) }
            let value = try pop(pc)
            guard value != .unknown else { throw .refused("unknown fact") }
            effects.variables[Int(index)] = value
        case let .counter(index, keyed):
            let key = try counterKey(index, keyed: keyed, pc)
            stack.append(inputs.assumed != nil ? .unknown : .int(effects.counters[key] ?? inputs.counter(key)))
        case let .addCounter(index, keyed):
            let amount = try popKnownInt(pc)
            let key = try counterKey(index, keyed: keyed, pc)
            // A counter already changed is updated through its index: one hash of the key, not two.
            if let slot = effects.counters.index(forKey: key) {
                let total = try checked(pc) { () throws(ReferenceArithmetic.Failure) in try ReferenceArithmetic.add(effects.counters.values[slot], amount) }
                effects.counters.values[slot] = total
            } else {
                let total = try checked(pc) { () throws(ReferenceArithmetic.Failure) in try ReferenceArithmetic.add(inputs.counter(key), amount) }
                effects.counters[key] = total
            }
        case let .fact(fact):
            stack.append(inputs.fact(fact))
        case .add, .sub, .subMoney, .mul, .mulScaled, .div, .divScaled, .unscale, .neg:
            try arithmetic(instruction, pc)
        case let .compare(comparison):
            try compare(comparison, pc)
        case .not, .and, .or, .xone:
            try logic(instruction, pc)
        case let .setOp(op):
            try setOperation(op, pc)
        case .coalesce:
            let fallback = try pop(pc)
            let value = try pop(pc)
            // Symbolically an unknown operand could be anything, so the result is open too.
            stack.append(value == .unknown ? (inputs.assumed != nil ? .unknown : fallback) : value)
        case let .call(builtin):
            try call(builtin, pc)
        case let .makeSet(count):
            stack.append(LicenceValue.canonicalSet(try popMany(Int(count), pc)))
        case let .makeShares(count):
            try makeShares(Int(count), pc)
        case let .require(reason):
            let condition = try pop(pc)
            guard condition == .bool(true) else { throw .refused(text(reason)) }
        case .pay:
            let payee = try pop(pc)
            let amount = try popKnownInt(pc)
            guard case let .bytes(party) = payee, party.count == 20 else {
                if payee == .unknown { throw .refused("unknown fact") }
                throw .trap("payee is not a party", pc: pc)
            }
            try record(payment: amount, to: party, pc)
        case .paySplit:
            try paySplit(pc)
        case let .setStatus(status):
            effects.status = status
        case let .emit(index):
            effects.events.append(text(index))
        case .ret, .jump, .jumpIfFalse, .forEach, .next:
            throw .trap("control instruction reached the stepper", pc: pc)
        }
    }

    func text(_ index: UInt16) -> String {
        guard Int(index) < program.constants.count, case let .bytes(bytes) = program.constants[Int(index)] else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func popMany(_ count: Int, _ pc: Int) throws(MachineStop) -> [LicenceValue] {
        guard count <= stack.count else { throw .trap("stack underflow", pc: pc) }
        let values = Array(stack.suffix(count))
        stack.removeLast(count)
        return values
    }

    fileprivate mutating func counterKey(_ index: UInt16, keyed: Bool, _ pc: Int) throws(MachineStop) -> CounterKey {
        guard Int(index) < program.counters.count else { throw .trap("no counter \(index)", pc: pc) }
        var key: LicenceValue?
        if keyed {
            key = try pop(pc)
            guard key != .unknown else { throw .refused("unknown fact") }
        }
        return CounterKey(name: program.counters[Int(index)].name, key: key)
    }

    /// Runs checked arithmetic, turning its failure into a trap at `pc`.
    func checked(_ pc: Int, _ body: () throws(ReferenceArithmetic.Failure) -> Int64) throws(MachineStop) -> Int64 {
        do {
            return try body()
        } catch .overflow {
            throw .trap("integer overflow", pc: pc)
        } catch {
            throw .trap("division by zero", pc: pc)
        }
    }

    mutating func record(payment amount: Int64, to party: [UInt8], _ pc: Int) throws(MachineStop) {
        guard amount >= 0 else { throw .trap("negative payment", pc: pc) }
        guard amount > 0 else { return }
        effects.payments.append((party, amount, rule))
    }
}

extension ReferenceMachine {
    mutating func arithmetic(_ instruction: Instruction, _ pc: Int) throws(MachineStop) {
        if instruction == .neg || { if case .unscale = instruction { return true } else { return false } }() {
            guard let a = try popInt(pc) else { return stack.append(.unknown) }
            let result = try checked(pc) { () throws(ReferenceArithmetic.Failure) in
                if case let .unscale(rounding) = instruction { return try ReferenceArithmetic.mulDiv(a, 1, ReferenceArithmetic.scale, rounding) }
                return try ReferenceArithmetic.subtract(0, a)
            }
            return stack.append(.int(result))
        }
        let b = try popInt(pc)
        let a = try popInt(pc)
        guard let a, let b else { return stack.append(.unknown) }
        if instruction == .subMoney, b > a { throw .trap("money below zero", pc: pc) }
        let result = try checked(pc) { () throws(ReferenceArithmetic.Failure) in
            switch instruction {
            case .add: return try ReferenceArithmetic.add(a, b)
            case .sub, .subMoney: return try ReferenceArithmetic.subtract(a, b)
            case .mul: return try ReferenceArithmetic.multiply(a, b)
            case let .mulScaled(rounding): return try ReferenceArithmetic.mulDiv(a, b, ReferenceArithmetic.scale, rounding)
            case let .div(rounding): return try ReferenceArithmetic.mulDiv(a, 1, b, rounding)
            case let .divScaled(rounding): return try ReferenceArithmetic.mulDiv(a, ReferenceArithmetic.scale, b, rounding)
            default: throw .overflow
            }
        }
        stack.append(.int(result))
    }

    mutating func compare(_ comparison: Comparison, _ pc: Int) throws(MachineStop) {
        let b = try pop(pc)
        let a = try pop(pc)
        guard a != .unknown, b != .unknown else { return stack.append(.unknown) }
        switch comparison {
        case .equal: return stack.append(.bool(a == b))
        case .notEqual: return stack.append(.bool(a != b))
        default: break
        }
        guard case let .int(x) = a, case let .int(y) = b else { throw .trap("ordering needs numbers", pc: pc) }
        let result: Bool = switch comparison {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
        stack.append(.bool(result))
    }

    /// Three-valued (Kleene) logic: `false and unknown` is false, `true or unknown` is true.
    mutating func logic(_ instruction: Instruction, _ pc: Int) throws(MachineStop) {
        func truth(_ value: LicenceValue) throws(MachineStop) -> Bool? {
            switch value {
            case let .bool(b): return b
            case .unknown: return nil
            default: throw .trap("logic needs Bool operands", pc: pc)
            }
        }
        if instruction == .not {
            let a = try truth(try pop(pc))
            return stack.append(a.map { .bool(!$0) } ?? .unknown)
        }
        let b = try truth(try pop(pc))
        let a = try truth(try pop(pc))
        let result: Bool?
        switch instruction {
        case .and: result = a == false || b == false ? false : (a == nil || b == nil ? nil : true)
        case .or: result = a == true || b == true ? true : (a == nil || b == nil ? nil : false)
        default: result = a.flatMap { x in b.map { y in x != y } }
        }
        stack.append(result.map { .bool($0) } ?? .unknown)
    }

    mutating func setOperation(_ op: SetOperator, _ pc: Int) throws(MachineStop) {
        let b = try pop(pc)
        let a = try pop(pc)
        guard a != .unknown, b != .unknown else { return stack.append(.unknown) }
        func members(_ value: LicenceValue) -> Set<LicenceValue> {
            switch value {
            case let .set(elements), let .list(elements): return Set(elements)
            default: return [value]
            }
        }
        let left = members(a)
        let right = members(b)
        let result: Bool = switch op {
        case .isPartOf: left.isSubset(of: right)
        case .hasPart: right.isSubset(of: left)
        case .isAnyOf: !left.isDisjoint(with: right)
        case .isNoneOf: left.isDisjoint(with: right)
        }
        stack.append(.bool(result))
    }
}

extension ReferenceMachine {
    mutating func call(_ builtin: Builtin, _ pc: Int) throws(MachineStop) {
        switch builtin {
        case .min, .max:
            let b = try popInt(pc)
            let a = try popInt(pc)
            guard let a, let b else { return stack.append(.unknown) }
            stack.append(.int(builtin == .min ? Swift.min(a, b) : Swift.max(a, b)))
        case .len:
            // Counted in place: `elements(of:)` would build an array of a Shares' parties.
            switch try pop(pc) {
            case let .set(elements), let .list(elements): stack.append(.int(Int64(elements.count)))
            case let .shares(shares): stack.append(.int(Int64(shares.count)))
            case .unknown: stack.append(.unknown)
            default: throw .trap("operand is not a collection", pc: pc)
            }
        case .known:
            let value = try pop(pc)
            stack.append(value == .unknown && inputs.assumed != nil ? .unknown : .bool(value != .unknown))
        case .eu:
            guard let time = try popInt(pc) else { return stack.append(.unknown) }
            stack.append(Territory.euMembers(at: time))
        case .month:
            guard let time = try popInt(pc) else { return stack.append(.unknown) }
            stack.append(.int(Calendar.monthIndex(time: time)))
        case .monthStart:
            guard let month = try popInt(pc) else { return stack.append(.unknown) }
            guard let start = Calendar.monthStart(index: month) else { throw .trap("month outside years 1 to 9999", pc: pc) }
            stack.append(.int(start))
        case .owners:
            let work = try pop(pc)
            guard case let .bytes(id) = work else { return stack.append(.unknown) }
            stack.append(inputs.owners(of: id))
        case .otherGrants:
            guard let code = try popInt(pc), let action = LicenceAction(rawValue: UInt8(truncatingIfNeeded: code)),
                  code >= 0, code <= 255 else { return stack.append(.unknown) }
            stack.append(inputs.otherGrants(action))
        }
    }

    mutating func makeShares(_ count: Int, _ pc: Int) throws(MachineStop) {
        let values = try popMany(count * 2, pc)
        var shares: [Share] = []
        for index in 0..<count {
            let party = values[index * 2]
            let weight = values[index * 2 + 1]
            if party == .unknown || weight == .unknown { return stack.append(.unknown) }
            guard case let .bytes(bytes) = party, case let .int(w) = weight else { throw .trap("malformed share", pc: pc) }
            guard w >= 0 else { throw .trap("negative share weight", pc: pc) }
            shares.append(Share(party: bytes, weight: w))
        }
        guard let value = LicenceValue.canonicalShares(shares) else { throw .trap("integer overflow", pc: pc) }
        stack.append(value)
    }

    mutating func paySplit(_ pc: Int) throws(MachineStop) {
        let sharesValue = try pop(pc)
        let amount = try popKnownInt(pc)
        guard amount >= 0 else { throw .trap("negative payment", pc: pc) }
        guard case let .shares(shares) = sharesValue else {
            if sharesValue == .unknown { throw .refused("unknown fact") }
            throw .trap("split needs shares", pc: pc)
        }
        guard shares.count <= Limits.collection else { throw .refused("more than \(Limits.collection) shares") }
        guard let parts = RoyaltySplit.split(UInt64(amount), among: shares) else {
            throw .refused("shares have no weight")
        }
        for part in parts { try record(payment: Int64(part.amount), to: part.party, pc) }
    }
}
/// The VM's checked arithmetic as it was (always a 128-bit division), the oracle for `Arithmetic`: 128-bit intermediates, explicit rounding, and a typed
/// failure instead of a trap on overflow or division by zero.
enum ReferenceArithmetic {
    enum Failure: Error { case overflow, divisionByZero }

    static let scale: Int64 = 100_000_000

    /// (a × b) ÷ d rounded as asked, computed exactly in 128 bits.
    static func mulDiv(_ a: Int64, _ b: Int64, _ d: Int64, _ rounding: Rounding) throws(Failure) -> Int64 {
        guard d != 0 else { throw .divisionByZero }
        let negative = (a < 0) != (b < 0) && a != 0 && b != 0
        let resultNegative = negative != (d < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = d.magnitude
        guard product.high < divisor else { throw .overflow }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        var magnitude = quotient
        if remainder != 0 {
            let roundAway: Bool
            switch rounding {
            case .floor: roundAway = resultNegative
            case .ceil: roundAway = !resultNegative
            case .halfEven:
                let rest = divisor - remainder
                roundAway = remainder > rest || (remainder == rest && quotient & 1 == 1)
            }
            if roundAway {
                guard magnitude < .max else { throw .overflow }
                magnitude += 1
            }
        }
        if resultNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .overflow }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .overflow }
        return Int64(magnitude)
    }

    static func add(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func subtract(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.subtractingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func multiply(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        guard !o else { throw .overflow }
        return r
    }
}

extension Machine {
    /// Runs one instruction that neither jumps nor returns, as `Instruction`; `execute` runs
    /// the ones lowered to their own op codes without coming here.
    mutating func step(_ instruction: Instruction, _ pc: Int) throws(MachineStop) {
        switch instruction {
        case let .push(index):
            guard Int(index) < program.constants.count else { throw .trap("no constant \(index)", pc: pc) }
            stack.push(value: program.constants[Int(index)])
        case let .param(index):
            guard Int(index) < inputs.parameters.count else { throw .trap("no parameter \(index)", pc: pc) }
            stack.push(value: inputs.parameters[Int(index)])
        case let .local(index):
            try pushLocal(Int(index), pc)
        case let .setLocal(index):
            try storeLocal(Int(index), pc)
        case let .variable(index):
            guard Int(index) < program.variables.count else { throw .trap("no variable \(index)", pc: pc) }
            stack.push(value: effects.variables[Int(index)] ?? inputs.variable(Int(index), of: program))
        case let .setVariable(index):
            guard Int(index) < program.variables.count else { throw .trap("no variable \(index)", pc: pc) }
            let value = try pop(pc)
            guard value != .unknown else { throw .refused("unknown fact") }
            effects.variables[Int(index)] = value
        case let .counter(index, false) where Int(index) < program.counters.count:
            stack.push(symbolic ? .unknown : .int(counter(slot: code.counterCacheSlots[Int(index)])))
        case let .counter(index, keyed):
            let key = try counterKey(index, keyed: keyed, pc)
            stack.push(symbolic ? .unknown : .int(effects.counters[key] ?? inputs.counter(key)))
        case let .addCounter(index, false) where Int(index) < program.counters.count:
            try addToCounter(slot: code.counterCacheSlots[Int(index)], pc)
        case let .addCounter(index, keyed):
            // Keyed: unkeyed counters (slots in range) are the case above.
            let amount = try popKnownInt(pc)
            let key = try counterKey(index, keyed: keyed, pc)
            // A counter already changed is updated through its index: one hash of the key, not two.
            if let slot = effects.counters.index(forKey: key) {
                let total = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.add(effects.counters.values[slot], amount) }
                effects.counters.values[slot] = total
            } else {
                let total = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.add(inputs.counter(key), amount) }
                effects.counters[key] = total
            }
        case let .fact(fact):
            stack.push(value: inputs.fact(fact))
        case .add: try binaryArithmetic(.add, .floor, pc)
        case .sub: try binaryArithmetic(.sub, .floor, pc)
        case .subMoney: try binaryArithmetic(.subMoney, .floor, pc)
        case .mul: try binaryArithmetic(.mul, .floor, pc)
        case let .mulScaled(rounding): try binaryArithmetic(.mulScaled, rounding, pc)
        case let .div(rounding): try binaryArithmetic(.div, rounding, pc)
        case let .divScaled(rounding): try binaryArithmetic(.divScaled, rounding, pc)
        case let .unscale(rounding): try unaryArithmetic(.unscale, rounding, pc)
        case .neg: try unaryArithmetic(.neg, .floor, pc)
        case let .compare(comparison):
            try compare(comparison, pc)
        case .not: try logic(.not, pc)
        case .and: try logic(.and, pc)
        case .or: try logic(.or, pc)
        case .xone: try logic(.xone, pc)
        case let .setOp(op):
            try setOperation(op, pc)
        case .coalesce:
            let fallback = try pop(pc)
            let value = try pop(pc)
            // Symbolically an unknown operand could be anything, so the result is open too.
            stack.push(value: value == .unknown ? (symbolic ? .unknown : fallback) : value)
        case let .call(builtin):
            try call(builtin, pc)
        case let .makeSet(count):
            stack.push(value: LicenceValue.canonicalSet(try popMany(Int(count), pc)))
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

    private mutating func counterKey(_ index: UInt16, keyed: Bool, _ pc: Int) throws(MachineStop) -> CounterKey {
        guard Int(index) < program.counters.count else { throw .trap("no counter \(index)", pc: pc) }
        var key: LicenceValue?
        if keyed {
            key = try pop(pc)
            guard key != .unknown else { throw .refused("unknown fact") }
        }
        return CounterKey(name: program.counters[Int(index)].name, key: key)
    }

    /// Runs checked arithmetic, turning its failure into a trap at `pc`.
    func checked(_ pc: Int, _ body: () throws(Arithmetic.Failure) -> Int64) throws(MachineStop) -> Int64 {
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

extension Machine {
    /// Runs one op that neither jumps nor returns: the hot ones here, the rest through `step`.
    @inline(__always)
    mutating func execute(_ op: Op, _ pc: Int) throws(MachineStop) {
        switch op.code {
        case .pushInt: stack.push(.int(op.imm))
        case .pushBool: stack.push(.bool(op.imm != 0))
        case .pushBoxed: stack.push(value: program.constants[Int(op.a)])
        case .local: try pushLocal(Int(op.a), pc)
        case .setLocal: try storeLocal(Int(op.a), pc)
        case .counter: stack.push(symbolic ? .unknown : .int(counter(slot: Int(op.a))))
        case .addCounter: try addToCounter(slot: Int(op.a), pc)
        case .add, .sub, .subMoney, .mul, .mulScaled, .div, .divScaled: try binaryArithmetic(op.code, op.rounding, pc)
        case .neg, .unscale: try unaryArithmetic(op.code, op.rounding, pc)
        case .compare: try compare(op.comparison, pc)
        case .not, .and, .or, .xone: try logic(op.code, pc)
        case .min: try minMax(pc, min: true)
        case .max: try minMax(pc, min: false)
        case .len: try length(pc)
        case .general: try step(program.code[pc], pc)
        case .ret, .jump, .jumpIfFalse, .forEach, .next, .offEnd, .localLocal, .localImm, .withLocal, .withImm,
             .lengthOfLocal, .counterToLocal, .immToCounter:
            // Only plain ops come here (the dispatch loop takes control and superinstructions).
            throw .trap("control instruction reached the stepper", pc: pc)
        }
    }
}

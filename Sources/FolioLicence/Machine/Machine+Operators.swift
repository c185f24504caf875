extension Machine {
    /// `neg` or `unscale`: an unknown operand gives unknown.
    @inline(__always)
    mutating func unaryArithmetic(_ code: OpCode, _ rounding: Rounding, _ pc: Int) throws(MachineStop) {
        guard let a = try popInt(pc) else { return stack.push(.unknown) }
        let result: Int64
        if code == .unscale {
            result = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.mulDiv(a, 1, Arithmetic.scale, rounding) }
        } else {
            let (negated, overflow) = Int64(0).subtractingReportingOverflow(a)
            guard !overflow else { throw .trap("integer overflow", pc: pc) }
            result = negated
        }
        stack.push(.int(result))
    }

    /// Pops b, then a, and pushes a ∘ b; an unknown operand gives unknown.
    @inline(__always)
    mutating func binaryArithmetic(_ code: OpCode, _ rounding: Rounding, _ pc: Int) throws(MachineStop) {
        let b = try popInt(pc)
        let a = try popInt(pc)
        guard let a, let b else { return stack.push(.unknown) }
        let result: Int64, overflow: Bool
        switch code {
        case .add: (result, overflow) = a.addingReportingOverflow(b)
        case .sub: (result, overflow) = a.subtractingReportingOverflow(b)
        case .subMoney:
            guard b <= a else { throw .trap("money below zero", pc: pc) }
            (result, overflow) = a.subtractingReportingOverflow(b)
        case .mul: (result, overflow) = a.multipliedReportingOverflow(by: b)
        case .mulScaled:
            result = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.mulDiv(a, b, Arithmetic.scale, rounding) }
            overflow = false
        case .div:
            // `quotient` is nil exactly where `mulDiv` fails, which then names the failure.
            if let quotient = Arithmetic.quotient(a, b, rounding) {
                result = quotient
            } else {
                result = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.mulDiv(a, 1, b, rounding) }
            }
            overflow = false
        case .divScaled:
            result = try checked(pc) { () throws(Arithmetic.Failure) in try Arithmetic.mulDiv(a, Arithmetic.scale, b, rounding) }
            overflow = false
        default:
            throw .trap("not an arithmetic instruction", pc: pc)
        }
        guard !overflow else { throw .trap("integer overflow", pc: pc) }
        stack.push(.int(result))
    }

    @inline(__always)
    mutating func compare(_ comparison: Comparison, _ pc: Int) throws(MachineStop) {
        let b = try popSlot(pc)
        let a = try popSlot(pc)
        guard a.kind != .unknown, b.kind != .unknown else { return stack.push(.unknown) }
        switch comparison {
        case .equal: return stack.push(.bool(equal(a, at: stack.count, b, at: stack.count + 1)))
        case .notEqual: return stack.push(.bool(!equal(a, at: stack.count, b, at: stack.count + 1)))
        default: break
        }
        guard a.kind == .int, b.kind == .int else { throw .trap("ordering needs numbers", pc: pc) }
        let x = a.bits, y = b.bits
        let result: Bool = switch comparison {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
        stack.push(.bool(result))
    }

    /// Whether two popped slots (boxes still at stack indices `i` and `j`) hold equal values.
    @inline(__always)
    private func equal(_ a: Slot, at i: Int, _ b: Slot, at j: Int) -> Bool {
        guard a.isBoxed || b.isBoxed else { return a.kind == b.kind && a.bits == b.bits }
        guard a.isBoxed, b.isBoxed else { return false }
        return stack.boxesEqual(i, j)
    }

    /// Three-valued (Kleene) logic: `false and unknown` is false, `true or unknown` is true.
    @inline(__always)
    mutating func logic(_ code: OpCode, _ pc: Int) throws(MachineStop) {
        func truth(_ slot: Slot) throws(MachineStop) -> Bool? {
            switch slot.kind {
            case .bool: return slot.bits != 0
            case .unknown: return nil
            default: throw .trap("logic needs Bool operands", pc: pc)
            }
        }
        if code == .not {
            let a = try truth(try popSlot(pc))
            return stack.push(a.map { .bool(!$0) } ?? .unknown)
        }
        let b = try truth(try popSlot(pc))
        let a = try truth(try popSlot(pc))
        let result: Bool?
        switch code {
        case .and: result = a == false || b == false ? false : (a == nil || b == nil ? nil : true)
        case .or: result = a == true || b == true ? true : (a == nil || b == nil ? nil : false)
        default: result = a.flatMap { x in b.map { y in x != y } }
        }
        stack.push(result.map { .bool($0) } ?? .unknown)
    }

    mutating func setOperation(_ op: SetOperator, _ pc: Int) throws(MachineStop) {
        let b = try pop(pc)
        let a = try pop(pc)
        guard a != .unknown, b != .unknown else { return stack.push(.unknown) }
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
        stack.push(.bool(result))
    }
}

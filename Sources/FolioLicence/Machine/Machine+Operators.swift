extension Machine {
    mutating func arithmetic(_ instruction: Instruction, _ pc: Int) throws(MachineStop) {
        if instruction == .neg || { if case .unscale = instruction { return true } else { return false } }() {
            guard let a = try popInt(pc) else { return stack.append(.unknown) }
            let result = try checked(pc) { () throws(Arithmetic.Failure) in
                if case let .unscale(rounding) = instruction { return try Arithmetic.mulDiv(a, 1, Arithmetic.scale, rounding) }
                return try Arithmetic.subtract(0, a)
            }
            return stack.append(.int(result))
        }
        let b = try popInt(pc)
        let a = try popInt(pc)
        guard let a, let b else { return stack.append(.unknown) }
        if instruction == .subMoney, b > a { throw .trap("money below zero", pc: pc) }
        let result = try checked(pc) { () throws(Arithmetic.Failure) in
            switch instruction {
            case .add: return try Arithmetic.add(a, b)
            case .sub, .subMoney: return try Arithmetic.subtract(a, b)
            case .mul: return try Arithmetic.multiply(a, b)
            case let .mulScaled(rounding): return try Arithmetic.mulDiv(a, b, Arithmetic.scale, rounding)
            case let .div(rounding): return try Arithmetic.mulDiv(a, 1, b, rounding)
            case let .divScaled(rounding): return try Arithmetic.mulDiv(a, Arithmetic.scale, b, rounding)
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

extension Machine {
    /// Runs a superinstruction's fast path: true when done, false (having changed nothing)
    /// when an operand is not a known Int, an index is out of range, or the result would
    /// overflow, divide by zero or be refused; the caller then runs the plain ops, which stop
    /// exactly as they always have. (`dispatch` does the arithmetic ones in line, the same way.)
    @inline(__always)
    mutating func fused(_ op: Op) -> Bool {
        switch op.code {
        case .lengthOfLocal:
            guard Int(op.a) < locals.count, locals.slots[Int(op.a)].kind == .boxed else { return false }
            let count: Int
            switch locals.boxes[Int(op.a)] {
            case let .set(elements), let .list(elements): count = elements.count
            case let .shares(shares): count = shares.count
            default: return false
            }
            stack.push(.int(Int64(count)))
        case .counterToLocal:
            guard Int(op.b) < locals.count else { return false }
            locals.slots[Int(op.b)] = symbolic ? .unknown : .int(counter(slot: Int(op.a)))
        case .immToCounter:
            let (total, overflow) = counter(slot: Int(op.a)).addingReportingOverflow(op.imm)
            guard !overflow else { return false }
            counters[Int(op.a)] = CachedCounter(value: total, state: .changed)
        default:
            return false
        }
        return true
    }

    @inline(__always)
    func localInt(_ index: UInt32) -> Int64? {
        guard Int(index) < locals.count, locals.slots[Int(index)].kind == .int else { return nil }
        return locals.slots[Int(index)].bits
    }

    @inline(__always)
    func topInt() -> Int64? {
        guard stack.count > 0, stack.slots[stack.count - 1].kind == .int else { return nil }
        return stack.slots[stack.count - 1].bits
    }

    /// `x then y` for known Ints, or nil when the plain op would trap.
    @inline(__always)
    static func combine(_ op: Op, _ x: Int64, _ y: Int64) -> Slot? {
        let result: Int64, overflow: Bool
        switch op.then {
        case .add: (result, overflow) = x.addingReportingOverflow(y)
        case .sub: (result, overflow) = x.subtractingReportingOverflow(y)
        case .mul: (result, overflow) = x.multipliedReportingOverflow(by: y)
        case .div:
            guard let quotient = Arithmetic.quotient(x, y, op.rounding) else { return nil }
            return .int(quotient)
        case .min: return .int(Swift.min(x, y))
        case .max: return .int(Swift.max(x, y))
        case .compare:
            let holds: Bool = switch op.comparison {
            case .equal: x == y
            case .notEqual: x != y
            case .less: x < y
            case .lessOrEqual: x <= y
            case .greater: x > y
            case .greaterOrEqual: x >= y
            }
            return .bool(holds)
        default: return nil
        }
        return overflow ? nil : .int(result)
    }

    /// `local a; local b; compare ==/!=` on two boxed values (ids, parties, text).
    @inline(__always)
    mutating func compareLocals(_ op: Op) -> Bool {
        guard op.comparison == .equal || op.comparison == .notEqual, Int(op.a) < locals.count, Int(op.b) < locals.count,
              locals.slots[Int(op.a)].isBoxed, locals.slots[Int(op.b)].isBoxed else { return false }
        let equal = locals.boxesEqual(Int(op.a), Int(op.b))
        stack.push(.bool(equal == (op.comparison == .equal)))
        return true
    }
}

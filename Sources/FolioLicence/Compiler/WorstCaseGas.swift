/// Worst-case gas of bytecode, computed from the code itself so a decoded (possibly hostile)
/// program is priced exactly as strictly as a freshly compiled one. Because control only moves
/// forward, one backward pass gives each instruction the dearest path from it to its `ret`.
enum WorstCaseGas {
    /// Dearest path cost from every instruction (`next` counts as the end of a loop body).
    static func costs(of code: [Instruction]) -> [UInt64] {
        var worst = [UInt64](repeating: 0, count: code.count + 1)
        for pc in stride(from: code.count - 1, through: 0, by: -1) {
            let own = GasSchedule.cost(code[pc])
            func at(_ target: Int) -> UInt64 { target < worst.count ? worst[target] : 0 }
            switch code[pc] {
            case .ret, .next:
                worst[pc] = own
            case let .jump(offset):
                worst[pc] = add(own, at(pc + 1 + Int(offset)))
            case let .jumpIfFalse(offset):
                worst[pc] = add(own, max(at(pc + 1), at(pc + 1 + Int(offset))))
            case let .forEach(_, bodyLength, bound):
                let body = multiply(at(pc + 1), UInt64(bound))
                worst[pc] = add(add(own, body), at(pc + 1 + Int(bodyLength)))
            default:
                worst[pc] = add(own, at(pc + 1))
            }
        }
        return worst
    }

    /// The most one transaction can spend: every rule's condition and duty block, plus the
    /// handlers of the dearest transaction kind.
    static func program(_ program: Program) -> UInt64 {
        let worst = costs(of: program.code)
        func entry(_ pc: UInt32?) -> UInt64 { pc.map { Int($0) < worst.count ? worst[Int($0)] : 0 } ?? 0 }
        var rules: UInt64 = 0
        var handlers: [TransactionKind: UInt64] = [:]
        for clause in program.clauses {
            let cost = add(entry(clause.condition), entry(clause.body))
            if case let .handler(kind) = clause.sort {
                handlers[kind] = add(handlers[kind, default: 0], cost)
            } else {
                rules = add(rules, cost)
            }
        }
        return add(rules, handlers.values.max() ?? 0)
    }

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }
}

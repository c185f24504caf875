extension OpCode {
    /// Instructions a superinstruction stands for.
    var span: Int {
        switch self {
        case .localLocal, .localImm: return 3
        case .withLocal, .withImm, .lengthOfLocal, .counterToLocal, .immToCounter: return 2
        default: return 1
        }
    }
}

extension LoweredCode {
    /// Operators a superinstruction can end with.
    static func fusible(_ code: OpCode) -> Bool {
        switch code {
        case .add, .sub, .mul, .div, .min, .max, .compare: return true
        default: return false
        }
    }

    /// Replaces runs of plain ops with superinstructions, left to right. A run never spans a
    /// block start (its first op may be one, and keeps the block's gas), so the block
    /// charging is unchanged; the ops after a superinstruction's first stay plain, so running
    /// its parts one by one from the first is always possible.
    static func fuse(_ plain: [Op], leader: [Bool]) -> [Op] {
        var ops = plain
        var pc = 0
        // `plain` ends with the sentinel, which no run includes.
        func inBlock(_ length: Int) -> Bool {
            guard pc + length < plain.count else { return false }
            return (1..<length).allSatisfy { !leader[pc + $0] }
        }
        while pc < plain.count - 1 {
            let first = plain[pc]
            var fused: Op?
            var length = 1
            func make(_ code: OpCode, _ span: Int, a: UInt32 = 0, b: UInt32 = 0, imm: Int64 = 0, operatorOp: Op? = nil) {
                var op = Op(code: code, a: a, b: b, gas: first.gas, imm: imm)
                if let operatorOp {
                    op.then = operatorOp.code
                    op.rounding = operatorOp.rounding
                    op.comparison = operatorOp.comparison
                }
                fused = op
                length = span
            }
            switch first.code {
            case .local where inBlock(3) && plain[pc + 1].code == .local && fusible(plain[pc + 2].code):
                make(.localLocal, 3, a: first.a, b: plain[pc + 1].a, operatorOp: plain[pc + 2])
            case .local where inBlock(3) && plain[pc + 1].code == .pushInt && fusible(plain[pc + 2].code):
                make(.localImm, 3, a: first.a, imm: plain[pc + 1].imm, operatorOp: plain[pc + 2])
            case .local where inBlock(2) && plain[pc + 1].code == .len:
                make(.lengthOfLocal, 2, a: first.a)
            case .local where inBlock(2) && fusible(plain[pc + 1].code):
                make(.withLocal, 2, a: first.a, operatorOp: plain[pc + 1])
            case .pushInt where inBlock(2) && fusible(plain[pc + 1].code):
                make(.withImm, 2, imm: first.imm, operatorOp: plain[pc + 1])
            case .pushInt where inBlock(2) && plain[pc + 1].code == .addCounter:
                make(.immToCounter, 2, a: plain[pc + 1].a, imm: first.imm)
            case .counter where inBlock(2) && plain[pc + 1].code == .setLocal:
                make(.counterToLocal, 2, a: first.a, b: plain[pc + 1].a)
            default:
                break
            }
            if let fused { ops[pc] = fused }
            pc += length
        }
        return ops
    }
}

/// Structural checks on decoded bytecode: every jump lands inside its clause's code and its
/// loop body, loops nest, every entry point is an instruction and every fragment ends in `ret`.
/// Types are not re-checked here: the VM checks operand types as it runs and refuses, never
/// crashes, on a mismatch.
enum ProgramValidator {
    static func validate(_ program: Program) throws(LicenceError) {
        let code = program.code
        guard code.count <= Limits.instructions else { throw .bytecode("too many instructions") }
        guard code.last == .ret || code.isEmpty else { throw .bytecode("code does not end with 'ret'") }
        var nextReturn = [Int](repeating: code.count, count: code.count + 1)
        for pc in stride(from: code.count - 1, through: 0, by: -1) {
            nextReturn[pc] = code[pc] == .ret ? pc : nextReturn[pc + 1]
        }
        var loopEnds: [Int] = []
        for (pc, instruction) in code.enumerated() {
            while let end = loopEnds.last, pc > end { loopEnds.removeLast() }
            let limit = loopEnds.last ?? nextReturn[pc]
            switch instruction {
            case let .jump(offset), let .jumpIfFalse(offset):
                let target = pc + 1 + Int(offset)
                guard target <= limit, target < code.count else { throw .bytecode("jump at \(pc) leaves its block") }
            case let .forEach(_, length, bound):
                let end = pc + Int(length)
                guard length >= 1, end <= limit, end < code.count, code[end] == .next, bound <= UInt16(Limits.collection) else {
                    throw .bytecode("malformed loop at \(pc)")
                }
                loopEnds.append(end)
            case .next:
                guard loopEnds.last == pc else { throw .bytecode("'next' at \(pc) closes no loop") }
            case .ret:
                guard loopEnds.isEmpty else { throw .bytecode("'ret' inside a loop at \(pc)") }
            default:
                break
            }
        }
        for clause in program.clauses {
            for entry in [clause.condition, clause.body].compactMap({ $0 }) where Int(entry) >= code.count {
                throw .bytecode("clause '\(clause.name)' starts outside the code")
            }
        }
    }
}

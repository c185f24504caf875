/// The gas schedule, version 1 (docs/licence-language.md §7): a fixed cost per instruction.
enum GasSchedule {
    static let version: UInt32 = LicenceLanguage.gasScheduleVersion

    static func cost(_ instruction: Instruction) -> UInt64 {
        switch instruction {
        case .push, .param, .local, .setLocal, .variable, .jump, .jumpIfFalse, .add, .sub,
             .subMoney, .mul, .neg, .compare, .not, .and, .or, .xone, .coalesce, .makeSet,
             .makeShares, .next, .require, .ret:
            return 1
        case .fact, .counter, .mulScaled, .div, .divScaled, .unscale, .forEach, .emit:
            return 2
        case .addCounter, .setVariable, .setStatus:
            return 3
        case .setOp:
            return 4
        case .pay:
            return 5
        case .paySplit:
            return 20
        case let .call(builtin):
            return cost(builtin)
        }
    }

    static func cost(_ builtin: Builtin) -> UInt64 {
        switch builtin {
        case .min, .max, .len, .known: return 1
        case .month, .monthStart: return 2
        case .eu: return 4
        case .owners, .otherGrants: return 10
        }
    }
}

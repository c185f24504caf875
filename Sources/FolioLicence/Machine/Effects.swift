/// Why a run of licence code stopped early.
enum MachineStop: Error, Equatable {
    /// A `require`, an unknown value in a decision, or a bounded collection over its bound.
    case refused(String)
    /// Overflow, division by zero, money below zero, or bytecode that does not fit its types.
    case trap(String, pc: Int)
    /// The next instruction would have taken gas over the limit.
    case outOfGas(pc: Int)
}

/// What the code has caused so far in one evaluation.
struct Effects: Equatable {
    var payments: [(payee: [UInt8], amount: Int64, rule: String)] = []
    var counters: [CounterKey: Int64] = [:]
    var variables: [Int: LicenceValue] = [:]
    var status: LicenceStatus?
    var events: [String] = []

    static func == (a: Effects, b: Effects) -> Bool {
        a.payments.elementsEqual(b.payments) { $0.payee == $1.payee && $0.amount == $1.amount && $0.rule == $1.rule }
            && a.counters == b.counters && a.variables == b.variables && a.status == b.status && a.events == b.events
    }
}

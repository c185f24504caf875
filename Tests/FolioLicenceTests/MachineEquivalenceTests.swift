import FolioCore
import FolioTestSupport
import Testing
@testable import FolioLicence

/// The VM charges gas per basic block and keeps values in a slot stack; `ReferenceMachine` (the
/// VM before that change) charges every instruction as it comes. These tests run both on the
/// same programs and inputs, with gas limits from zero to past what the program needs, and
/// require the same result or stop (down to the instruction index and message), the same gas
/// used and the same effects, run after run on one machine as the evaluator runs clauses.
@Suite struct MachineEquivalenceTests {
    @Test func everyVectorAtEveryGasLimit() throws {
        for vector in VectorTests.vm {
            guard let (licence, transaction, ledger) = try? vector.prepared() else { continue }
            try Equivalence.check(licence, transaction, ledger, what: vector.name)
        }
    }

    @Test func everyShippedTemplateForEveryTransactionKind() throws {
        let names = ["cc-by-4.0", "cc-by-nc-4.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-4.0", "cc-by-nd-4.0", "cc-by-sa-4.0", "cc0-1.0",
                     "derivative-upstream-share", "exclusive-eu-sync", "per-stream-royalty", "pil-commercial-remix",
                     "pil-commercial-use", "pil-non-commercial-social-remixing"]
        var ledger = TestLedger()
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 3), Share(party: party(2), weight: 1)],
                                        registeredAt: 0, media: .audio, parents: [id(3)], ancestors: [id(3), id(4)],
                                        upstreamState: .active)
        ledger.works[id(3)] = WorkFacts(id: id(3), owners: [Share(party: party(3), weight: 1)], registeredAt: 0)
        ledger.works[id(4)] = WorkFacts(id: id(4), owners: [Share(party: party(4), weight: 2)], registeredAt: 0)
        ledger.grants[.synchronize] = ["FR"]
        for name in names {
            let template = try TemplateHarness.shipped(name)
            let parameters = Dictionary(uniqueKeysWithValues: template.program.parameters.map { ($0.name, Equivalence.sample($0.type)) })
            let licence = FolioLicenceTests.licence(template, parameters: parameters)
            for kind in TransactionKind.allCases {
                for action in [LicenceAction.stream, .synchronize, .derive] {
                    var use = TemplateHarness.use(action, purpose: .commercial, territories: ["DE", "FR"], revenue: 1_234_567)
                    use.count = 1_000
                    use.approved = true
                    let transaction = TemplateHarness.transaction(kind, payment: 10_000_000, use: use)
                    try Equivalence.check(licence, transaction, ledger, what: "\(name) \(kind) \(action)")
                }
            }
        }
    }

    /// The B13 kernels: loops, counters and built-ins run thousands of times.
    @Test func benchmarkKernelsAtSampledGasLimits() throws {
        let sources = [
            """
            licence "call"
            counter acc: Int
            permit stream
            on report {
              let n = use.count
              let holders = work.owners
              let line = work.ancestors
              for a in line {
                for p in holders {
                  let x = acc
                  let lo = min(len(holders), len(line))
                  let y = min(max(floor(x * 3 / 4), lo), n * len(holders))
                  let w = round((y + ceil(x / 3)) / 2)
                  acc += min(max(y, w), lo) - min(floor(x / 2), w) + 1
                }
              }
            }
            """,
            """
            licence "loop"
            counter acc: Int
            permit stream
            on report {
              let n = use.count
              let line = work.ancestors
              for a in line {
                for b in line {
                  let x = acc
                  acc += floor((x + n) * 3 / 7) - floor(x / 2) + 1
                  if a == b {
                    acc += 1
                  }
                }
              }
            }
            """,
        ]
        var ledger = TestLedger()
        let ancestors = (1...12).map { id(UInt8(100 + $0)) }
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: (1...5).map { Share(party: party(UInt8($0)), weight: Int64($0)) },
                                        registeredAt: 0, ancestors: ancestors)
        for source in sources {
            let compiled = try #require(template(source))
            let transaction = TemplateHarness.transaction(.report, use: DeclaredUse(action: .stream, count: 1_000))
            try Equivalence.check(FolioLicenceTests.licence(compiled), transaction, ledger, what: compiled.name, everyLimitUpTo: 600)
        }
    }

    /// Random bytecode, valid or not, with mid-block entries, stray jumps, loops and traps.
    @Test func randomBytecode() throws {
        var random = SplitMix(seed: 0xB13)
        var ledger = TestLedger()
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 2), Share(party: party(2), weight: 1)],
                                        registeredAt: 5, ancestors: [id(3), id(4), id(5)])
        ledger.works[id(3)] = WorkFacts(id: id(3), owners: [Share(party: party(3), weight: 1)], registeredAt: 0)
        for round in 0..<400 {
            let program = RandomProgram.make(&random)
            let template = LicenceTemplate(program: program, worstCaseGas: 0)
            let licence = FolioLicenceTests.licence(template, parameters: ["p": .int(Int64(round % 7) - 3)],
                                                   state: LicenceTermsState(status: .active, counters: [CounterKey(name: "a"): 40]))
            let transaction = TemplateHarness.transaction(.report, use: DeclaredUse(action: .stream, count: Int64(round)))
            try Equivalence.check(licence, transaction, ledger, what: "random program \(round)", everyLimitUpTo: 400, fullLimit: 50_000)
            // Entries where no clause starts, so mid-block: the machine must charge what is left of the block.
            let inputs = EvaluationInputs(licence: licence, transaction: transaction, ledger: ledger, parameters: [.int(2)])
            for entry in 0...program.code.count {
                for limit: UInt64 in [0, 1, 2, 3, 5, 8, 13, 50_000] {
                    var ours = Machine(program: program, inputs: inputs, gasLimit: limit)
                    var reference = ReferenceMachine(program: program, inputs: inputs, gasLimit: limit)
                    let x = Result { () throws(MachineStop) in try ours.run(entry: UInt32(entry), locals: 3) }
                    let y = Result { () throws(MachineStop) in try reference.run(entry: UInt32(entry), locals: 3) }
                    #expect(x == y && ours.gasUsed == reference.gasUsed && ours.effects == reference.effects,
                            "random program \(round) from \(entry), gas limit \(limit): \(x), \(ours.gasUsed) against \(y), \(reference.gasUsed)")
                }
            }
        }
    }

    @Test func mulDivAndQuotientAgreeWithTheFullWidthDivision() {
        var random = SplitMix(seed: 42)
        let edges: [Int64] = [0, 1, -1, 2, -2, 3, 7, 100_000_000, -100_000_000, .max, .min, .max - 1, .min + 1, 1 << 32, -(1 << 32)]
        for step in 0..<20_000 {
            func pick() -> Int64 {
                switch random.next() % 4 {
                case 0: return edges[Int(random.next() % UInt64(edges.count))]
                case 1: return Int64(bitPattern: random.next()) >> Int64(random.next() % 63)
                case 2: return Int64(bitPattern: random.next() % 2_000) - 1_000
                default: return Int64(bitPattern: random.next())
                }
            }
            let a = pick(), b = pick(), d = pick()
            let rounding = Rounding.allCases[step % 3]
            let ours = Result { () throws(Arithmetic.Failure) in try Arithmetic.mulDiv(a, b, d, rounding) }
            let reference = Result { () throws(ReferenceArithmetic.Failure) in try ReferenceArithmetic.mulDiv(a, b, d, rounding) }
            switch (ours, reference) {
            case let (.success(x), .success(y)): #expect(x == y, "\(a) × \(b) ÷ \(d) \(rounding)")
            case (.failure(.overflow), .failure(.overflow)), (.failure(.divisionByZero), .failure(.divisionByZero)): break
            default: Issue.record("\(a) × \(b) ÷ \(d) \(rounding): \(ours) against \(reference)")
            }
            // `div`'s shortcut: a ÷ d, nil exactly where the 128-bit path fails.
            let quotient = Arithmetic.quotient(a, d, rounding)
            let full = try? ReferenceArithmetic.mulDiv(a, 1, d, rounding)
            #expect(quotient == full, "\(a) ÷ \(d) \(rounding): \(String(describing: quotient)) against \(String(describing: full))")
        }
    }
}

/// Runs a licence's clauses on both machines and compares them.
enum Equivalence {
    struct Run: Equatable {
        let result: Result<LicenceValue?, MachineStop>
        let gasUsed: UInt64
        let effects: Effects
    }

    /// Every clause entry of the licence, in program order, as the evaluator might run them.
    static func runs(_ program: Program, _ inputs: EvaluationInputs, gasLimit: UInt64, metered: Bool) -> ([Run], [Run]) {
        var ours = Machine(program: program, inputs: inputs, gasLimit: gasLimit, metered: metered)
        var reference = ReferenceMachine(program: program, inputs: inputs, gasLimit: gasLimit, metered: metered)
        var a: [Run] = [], b: [Run] = []
        for clause in program.clauses {
            for entry in [clause.condition, clause.body].compactMap({ $0 }) {
                ours.rule = clause.name
                reference.rule = clause.name
                let x = Result { () throws(MachineStop) in try ours.run(entry: entry, locals: clause.locals) }
                let y = Result { () throws(MachineStop) in try reference.run(entry: entry, locals: clause.locals) }
                a.append(Run(result: x, gasUsed: ours.gasUsed, effects: ours.effects))
                b.append(Run(result: y, gasUsed: reference.gasUsed, effects: reference.effects))
                // Out of gas ends an evaluation; go on as the evaluator does after other stops.
                if case .failure(.outOfGas) = y { return (a, b) }
            }
        }
        return (a, b)
    }

    /// Compares the machines metered at every gas limit from 0 to `everyLimitUpTo` and around
    /// the whole run's gas (up to `fullLimit`) plus limits spread in between, then unmetered
    /// (when the whole run fits in `fullLimit`) and symbolically.
    static func check(_ licence: Licence, _ transaction: LicenceTransaction, _ ledger: TestLedger, what: String,
                      everyLimitUpTo dense: UInt64 = 3_000, fullLimit: UInt64 = 10_000_000,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let program = licence.template.program
        guard let parameters = try? LicenceEvaluator.boundParameters(program, licence.parameters) else { return }
        var inputs = EvaluationInputs(licence: licence, transaction: transaction, ledger: ledger, parameters: parameters)
        func same(_ limit: UInt64, metered: Bool, _ label: String) -> Bool {
            let (ours, reference) = runs(program, inputs, gasLimit: limit, metered: metered)
            guard ours == reference else {
                Issue.record("\(what), \(label), gas limit \(limit): \(ours) against the reference's \(reference)", sourceLocation: sourceLocation)
                return false
            }
            return true
        }
        let full = runs(program, inputs, gasLimit: fullLimit, metered: true).1
        let whole = full.reduce(0) { max($0, $1.gasUsed) }
        var limits = Set(0...min(dense, whole + 1))
        limits.formUnion(whole > 2 ? (whole - 2)...(whole + 2) : 0...2)
        limits.formUnion(stride(from: 0, through: whole, by: max(Int(whole / 300), 1)))
        limits.insert(fullLimit)
        for limit in limits.sorted() where !same(limit, metered: true, "metered") { return }
        let ranOut = full.contains { if case .failure(.outOfGas) = $0.result { true } else { false } }
        if !ranOut { _ = same(.max, metered: false, "unmetered") }
        inputs.assumed = [.useAction: .int(Int64(LicenceAction.stream.rawValue))]
        _ = same(fullLimit, metered: true, "symbolic")
    }

    static func sample(_ type: LicenceType) -> LicenceValue {
        switch type {
        case .bool: return .bool(true)
        case .party: return .party(party(6))
        case .text: return .text("x")
        case .shares: return .canonicalShares([Share(party: party(6), weight: 1)]) ?? .unknown
        case .workId, .licenceId, .templateId: return .id(id(6))
        case .set: return .canonicalSet([.int(276)])
        case .list: return .list([])
        default: return .int(5_000_000)
        }
    }
}

/// FolioTestSupport's SplitMix64 generator, so a failing random case can be replayed.
typealias SplitMix = SeededGenerator

extension SeededGenerator {
    /// A value in 0..<n by plain reduction (the sequences the cases were written against).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Random programs: mostly stack-balanced code with loops and branches, some of it ill-typed,
/// some of it jumping or entering where no compiler would.
enum RandomProgram {
    static let constants: [LicenceValue] = [
        .int(3), .int(-7), .int(100_000_000), .int(.max), .int(0), .bool(true), .bool(false), .unknown,
        .party(party(1)), .canonicalSet([.int(1), .int(2)]), .list([.id(id(3)), .id(id(4))]),
        .canonicalShares([Share(party: party(1), weight: 1), Share(party: party(2), weight: 3)]) ?? .unknown, .text("why"),
    ]

    static func make(_ random: inout SplitMix) -> Program {
        var code: [Instruction] = []
        var loopStarts: [Int] = []
        let length = 8 + random.below(60)
        while code.count < length {
            let roll = random.below(100)
            switch roll {
            case 0..<14: code.append(.push(UInt16(random.below(constants.count + (random.below(20) == 0 ? 3 : 0)))))
            case 14..<22: code.append(.local(UInt16(random.below(5))))
            case 22..<28: code.append(.setLocal(UInt16(random.below(5))))
            case 28..<32: code.append(.counter(UInt16(random.below(4)), keyed: random.below(4) == 0))
            case 32..<36: code.append(.addCounter(UInt16(random.below(4)), keyed: random.below(4) == 0))
            case 36..<48: code.append([.add, .sub, .subMoney, .mul, .neg][random.below(5)])
            case 48..<54:
                let rounding = Rounding.allCases[random.below(3)]
                code.append([.mulScaled(rounding), .div(rounding), .divScaled(rounding), .unscale(rounding)][random.below(4)])
            case 54..<60: code.append(.compare(Comparison.allCases[random.below(6)]))
            case 60..<64: code.append([.not, .and, .or, .xone, .coalesce][random.below(5)])
            case 64..<69: code.append(.call(Builtin.allCases[random.below(random.below(3) == 0 ? 9 : 3)]))
            case 69..<72: code.append(.fact(Fact.allCases[random.below(Fact.allCases.count)]))
            case 72..<76: code.append(.jumpIfFalse(UInt32(random.below(6))))
            case 76..<78: code.append(.jump(UInt32(random.below(5))))
            case 78..<82:
                loopStarts.append(code.count)
                code.append(.forEach(local: UInt16(random.below(5)), bodyLength: 0, bound: UInt16([64, 2, 1][random.below(3)])))
            case 82..<87 where !loopStarts.isEmpty:
                let start = loopStarts.removeLast()
                code.append(.next)
                if case let .forEach(local, _, bound) = code[start] {
                    code[start] = .forEach(local: local, bodyLength: UInt32(code.count - start - 1), bound: bound)
                }
            case 87..<89: code.append(.param(UInt16(random.below(2))))
            case 89..<91: code.append(.require(reason: UInt16(random.below(constants.count))))
            case 91..<93: code.append([.pay, .paySplit, .setStatus(.suspended), .emit(12)][random.below(4)])
            case 93..<95: code.append([.variable(0), .setVariable(0), .makeSet(UInt8(random.below(3))), .makeShares(1)][random.below(4)])
            case 95..<97: code.append(.ret)
            default: code.append(.push(UInt16(random.below(5))))
            }
        }
        // Close open loops (or, now and then, leave one open) and usually end with `ret`.
        for start in loopStarts.reversed() where random.below(8) != 0 {
            code.append(.next)
            if case let .forEach(local, _, bound) = code[start] {
                code[start] = .forEach(local: local, bodyLength: UInt32(code.count - start - 1), bound: bound)
            }
        }
        if random.below(10) != 0 { code.append(.ret) }
        var clauses: [CompiledClause] = []
        for index in 0..<(1 + random.below(3)) {
            let entry = index == 0 ? 0 : UInt32(random.below(code.count + 1))
            clauses.append(CompiledClause(sort: .handler(.report), name: "h\(index)", actions: nil,
                                          condition: random.below(3) == 0 ? UInt32(random.below(code.count)) : nil,
                                          body: entry, locals: UInt16(random.below(6))))
        }
        return Program(name: "random", gasScheduleVersion: GasSchedule.version,
                       parameters: [ParameterSlot(name: "p", type: .int)],
                       counters: [CounterSlot(name: "a", key: nil, value: .int), CounterSlot(name: "b", key: nil, value: .int),
                                  CounterSlot(name: "a", key: nil, value: .int)],
                       variables: [VariableSlot(name: "v", type: .int, initial: .int(9))],
                       constants: constants, clauses: clauses, code: code)
    }
}

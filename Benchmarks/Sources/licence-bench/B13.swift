import FolioCore
import Foundation
@_spi(LicenceBenchmarks) import FolioLicence
#if canImport(Glibc)
import Glibc
#endif

// B13 of BENCHMARKS.md: the licence interpreter on a call-heavy and a loop-heavy kernel against
// Lua 5.4 running the same kernels in the same run (target ≤ 1.5× Lua's time), and what gas
// metering costs (target ≤ 25%). Each kernel is compiled once; one iteration is one
// `LicenceEvaluator.evaluate` of a usage report, as the chain's engine calls it (facts read from
// a ledger view, the VM run, the outcome built). Lua runs the twin script in Benchmarks/lua/ for
// the same number of iterations as a `lua5.4` process; its CPU time (user + system, from wait4)
// minus an empty script's is Lua's time. The script also reports its own os.clock() around the
// loop, as a cross-check. Rounds interleave ours (metered, unmetered) and Lua; medians are kept.
// Usage: licence-bench b13 [iterations] [rounds]   (LUA=path-to-lua5.4, LUA_DIR=dir-of-scripts)

/// The kernels' common facts, the same as Benchmarks/lua/b13-inputs.lua: use.count = 1000, a
/// work with 16 owners (party [1, i, 0...], weight i) and 64 ancestors (id [2, i, 0...]).
enum B13Inputs {
    static let useCount: Int64 = 1_000
    static let work = Hash256(bytes: Array(repeating: 7, count: 32))!
    static let owners = (1...16).map { Share(party: Address(bytes: [1, UInt8($0)] + Array(repeating: 0, count: 18))!, weight: Int64($0)) }
    static let ancestors = (1...64).map { Hash256(bytes: [2, UInt8($0)] + Array(repeating: 0, count: 30))! }
}

/// Call-heavy: 64 × 16 body runs, each with 18 built-ins (14 `call`s of len/min/max and the
/// floor/ceil/round of 4 divisions); the twin is Benchmarks/lua/b13-call.lua.
let callTerms = """
licence "b13-call"
counter acc: Int
permit stream
on report {
  let n = use.count
  let holders = work.owners
  let line = work.ancestors
  let cap = n * len(holders)
  for a in line {
    for p in holders {
      let x = acc
      let lo = min(len(holders), len(line))
      let hi = max(len(holders), len(line))
      let y = min(max(floor(x * 3 / 4), lo), cap)
      let z = max(min(ceil(x / 3), hi * n), lo)
      let w = round((y + z) / 2)
      acc += min(max(y, z), max(w, hi)) - min(floor(x / 2), w) + 1
    }
  }
}
"""

/// Loop-heavy: two nested bounded loops over the 64 ancestors (4,096 body runs) with integer
/// arithmetic and an id comparison; the twin is Benchmarks/lua/b13-loop.lua.
let loopTerms = """
licence "b13-loop"
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
"""

/// A ledger holding the licensed work and its ancestors (each ancestor owned by owner 1).
struct B13Ledger: LicenceLedgerView {
    var height: UInt64 { 3 }
    var time: Int64 { 1_767_300_000 }
    var chainId: String { "folio-b13" }
    let works: [Hash256: WorkFacts]

    init() {
        var works = [B13Inputs.work: WorkFacts(id: B13Inputs.work, owners: B13Inputs.owners, registeredAt: 1_767_000_000,
                                               media: .audio, parents: [B13Inputs.ancestors[0]], ancestors: B13Inputs.ancestors)]
        for ancestor in B13Inputs.ancestors {
            works[ancestor] = WorkFacts(id: ancestor, owners: [B13Inputs.owners[0]], registeredAt: 1_766_000_000)
        }
        self.works = works
    }

    func work(_ id: Hash256) -> WorkFacts? { works[id] }
    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? { [] }
}

struct B13Kernel {
    let name: String
    let luaScript: String
    let licence: Licence
    let transaction = LicenceTransaction(kind: .report, sender: Address(bytes: Array(repeating: 9, count: 20))!,
                                         use: DeclaredUse(action: .stream, count: B13Inputs.useCount))
    let ledger = B13Ledger()

    init(name: String, terms: String, luaScript: String) throws(LicenceError) {
        self.name = name
        self.luaScript = luaScript
        let template = try LicenceTemplate(source: terms)
        licence = Licence(id: Hash256(bytes: Array(repeating: 8, count: 32))!, template: template, parameters: [:],
                          work: B13Inputs.work, issuedAt: 1_767_225_700, licensee: transaction.sender,
                          licensors: B13Inputs.owners, state: LicenceTermsState(status: .active))
    }

    func metered() -> Evaluation {
        LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger, gasLimit: LicenceLanguage.defaultGasCap)
    }

    func unmetered() -> Evaluation { LicenceEvaluator.evaluateUnmetered(transaction, on: licence, ledger: ledger) }

    /// The kernel's answer: the counter's new value, or nil when the evaluation was refused.
    static func result(_ evaluation: Evaluation) -> Int64? {
        guard evaluation.verdict == .permitted else { return nil }
        return evaluation.counters[CounterKey(name: "acc")]
    }

    /// CPU seconds for `iterations` evaluations; `sink` keeps the results live.
    func time(_ iterations: Int, metered: Bool, sink: inout Int64) -> Double {
        let start = processCPUSeconds()
        for _ in 0..<iterations {
            let evaluation = metered ? self.metered() : unmetered()
            sink &+= evaluation.counters[CounterKey(name: "acc")] ?? 0
        }
        return processCPUSeconds() - start
    }
}

/// Runs `arguments` (found on PATH) to completion; its standard output and the CPU seconds
/// (user + system) the process used, or nil when it could not run or failed.
func runTimedProcess(_ arguments: [String]) -> (cpu: Double, output: String)? {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    close(fds[1])
    guard spawned == 0 else {
        close(fds[0])
        return nil
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(fds[0], &buffer, buffer.count)
        if count <= 0 { break }
        output += buffer[0..<count]
    }
    close(fds[0])
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { return nil }
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (cpu, String(decoding: output, as: UTF8.self))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func runB13(_ arguments: ArraySlice<String>) -> Int32 {
    let iterations = arguments.first.flatMap { Int($0) } ?? 400
    let rounds = arguments.dropFirst().first.flatMap { Int($0) } ?? 3
    let environment = { (name: String) in getenv(name).map { String(cString: $0) } }
    let lua = environment("LUA") ?? "lua5.4"
    let luaDirectory = environment("LUA_DIR") ?? {
        // Benchmarks/Sources/licence-bench/B13.swift → Benchmarks/lua
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/lua"
    }()

    let kernels: [B13Kernel]
    do {
        kernels = [try B13Kernel(name: "call", terms: callTerms, luaScript: "b13-call.lua"),
                   try B13Kernel(name: "loop", terms: loopTerms, luaScript: "b13-loop.lua")]
    } catch {
        print("b13: a kernel does not compile: \(error)")
        return 1
    }
    let empty = "\(luaDirectory)/b13-empty.lua"
    guard runTimedProcess([lua, empty]) != nil else {
        print("b13: could not run '\(lua) \(empty)'; install Lua 5.4 (apt-get install -y lua5.4) or set LUA and LUA_DIR")
        return 1
    }

    // Both implementations must give the same answer before anything is timed.
    var checked: [String: (ours: Int64, gas: UInt64)] = [:]
    for kernel in kernels {
        let metered = kernel.metered(), unmetered = kernel.unmetered()
        guard let ours = B13Kernel.result(metered), B13Kernel.result(unmetered) == ours else {
            print("b13 \(kernel.name): refused or metered and unmetered runs differ: \(metered.verdict), \(unmetered.verdict)")
            return 1
        }
        guard let run = runTimedProcess([lua, "\(luaDirectory)/\(kernel.luaScript)", "1"]),
              let luaResult = run.output.split(whereSeparator: { $0 == "\t" || $0 == " " }).first.flatMap({ Int64($0) }) else {
            print("b13 \(kernel.name): \(kernel.luaScript) did not run or printed no result")
            return 1
        }
        print("b13 \(kernel.name): folio result \(ours), lua result \(luaResult), gas \(metered.gasUsed) per evaluation")
        guard luaResult == ours else {
            print("b13 \(kernel.name): the results differ, so the kernels are not the same computation")
            return 1
        }
        checked[kernel.name] = (ours, metered.gasUsed)
    }

    var samples: [String: [String: [Double]]] = [:]
    var sink: Int64 = 0
    for round in 1...rounds {
        let startup = runTimedProcess([lua, empty])?.cpu ?? 0
        for kernel in kernels {
            // Metered and unmetered alternate in chunks of 10 evaluations (the first of each pair
            // alternating too), so both see the same load on a shared machine.
            var metered = 0.0, unmetered = 0.0
            for chunk in 0..<(iterations + 9) / 10 {
                let count = min(10, iterations - chunk * 10)
                if chunk % 2 == 0 {
                    metered += kernel.time(count, metered: true, sink: &sink)
                    unmetered += kernel.time(count, metered: false, sink: &sink)
                } else {
                    unmetered += kernel.time(count, metered: false, sink: &sink)
                    metered += kernel.time(count, metered: true, sink: &sink)
                }
            }
            guard let run = runTimedProcess([lua, "\(luaDirectory)/\(kernel.luaScript)", "\(iterations)"]) else {
                print("b13 \(kernel.name): \(kernel.luaScript) failed in round \(round)")
                return 1
            }
            let inScript = run.output.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\n" }).dropFirst().first
                .flatMap { Double($0) } ?? .nan
            let n = Double(iterations)
            let lua = (run.cpu - startup) / n
            let figures = ["metered": metered / n, "unmetered": unmetered / n, "lua": lua,
                           "ratio": metered / n / lua, "overhead": metered / unmetered - 1,
                           "lua_process": run.cpu / n, "lua_in_script": inScript / n, "lua_startup": startup]
            for (key, value) in figures { samples[kernel.name, default: [:]][key, default: []].append(value) }
            print("b13 \(kernel.name) " + String(format: "round %d: folio %.1f µs (unmetered %.1f, metering %.1f%%), "
                                                  + "lua %.1f µs (in-script %.1f, start-up %.1f ms), ratio %.2f",
                                                  round, metered / n * 1e6, unmetered / n * 1e6, (metered / unmetered - 1) * 100,
                                                  lua * 1e6, inScript / n * 1e6, startup * 1e3, metered / n / lua))
        }
    }
    for kernel in kernels {
        let figures = samples[kernel.name]!.mapValues(median)
        // Ratios are taken within each round (both sides under the same load), then the median.
        let ratio = figures["ratio"]!
        let overhead = figures["overhead"]!
        let fields = [
            "\"benchmark\":\"b13-\(kernel.name)\"", "\"iterations\":\(iterations)", "\"rounds\":\(rounds)",
            "\"result\":\(checked[kernel.name]!.ours)", "\"gas\":\(checked[kernel.name]!.gas)",
            String(format: "\"folio_s\":%.9f", figures["metered"]!), String(format: "\"folio_unmetered_s\":%.9f", figures["unmetered"]!),
            String(format: "\"lua_s\":%.9f", figures["lua"]!), String(format: "\"lua_in_script_s\":%.9f", figures["lua_in_script"]!),
            String(format: "\"lua_startup_s\":%.6f", figures["lua_startup"]!),
            String(format: "\"ratio\":%.3f", ratio), String(format: "\"metering_overhead\":%.4f", overhead),
            String(format: "\"ratio_min\":%.3f", samples[kernel.name]!["ratio"]!.min()!),
            String(format: "\"ratio_max\":%.3f", samples[kernel.name]!["ratio"]!.max()!),
            "\"sink\":\(sink % 7)",
        ]
        print("{" + fields.joined(separator: ",") + "}")
    }
    return 0
}

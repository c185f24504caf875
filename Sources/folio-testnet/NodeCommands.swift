import ArgumentParser
import FolioNode
import Foundation

struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up", abstract: "Write a genesis and start N nodes, then wait until they share a tip.",
        discussion: "Example:\n  folio-testnet up --nodes 4 --engine pow --dir /tmp/tn\n  folio-testnet up --nodes 4 --netns   (as root: one network namespace per node)")
    @OptionGroup var common: CommonOptions
    @Option(help: "Number of nodes (1-64).") var nodes: Int = 4
    @Option(help: "Consensus engine: poa or pow.") var engine: String = "poa"
    @Option(help: "Node i uses ports base+2i (RPC) and base+2i+1 (P2P).") var basePort: Int = 19_400
    @Option(help: "Seed of the random peer graph.") var seed: UInt64 = 1
    @Option(help: "Least neighbours per node in the random peer graph (default: a sparse graph).") var degree: Int?
    @Option(help: "Seconds to wait for agreement.") var timeout: Double = 120
    @Option(help: "Seconds between blocks (default 1 for poa, 2 for pow).") var blockPeriod: Int?
    @Flag(help: "Nodes dial each other through this tool's link proxy, so `delay` and `loss` can be set.") var proxy = false
    @Flag(help: "Root only: each node in its own network namespace on a bridge (10.213.S.0/24); partitions and loss become nftables drops.")
    var netns = false

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            guard let kind = TestnetPlan.Engine(rawValue: engine) else { throw .usage("--engine must be poa or pow, got \(engine)") }
            var plan = try TestnetPlan(nodeCount: nodes, engine: kind, basePort: basePort, graphSeed: seed)
            plan.viaProxy = proxy
            plan.netns = netns
            if let blockPeriod {
                guard (1...600).contains(blockPeriod) else { throw .usage("--block-period must be 1-600 s, got \(blockPeriod)") }
                plan.blockPeriodSeconds = UInt32(blockPeriod)
            }
            if let degree {
                guard (1...32).contains(degree) else { throw .usage("--degree must be 1-32, got \(degree)") }
                plan.degree = degree
            }
            let statuses = try await common.controller().up(plan: plan, timeout: timeout)
            print(NodeStatus.table(statuses))
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show each node's height, tip, peers and URLs.",
        discussion: "Example:\n  folio-testnet status --json")
    @OptionGroup var common: CommonOptions
    @Flag(help: "Print JSON: per node its height, tip hash, peers and URLs.") var json = false

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let controller = common.controller()
            let state = try controller.loadState()
            let statuses = await controller.status()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: (try? encoder.encode(statuses)) ?? Data("[]".utf8), as: UTF8.self))
            } else {
                print(NodeStatus.table(statuses))
                if let partition = state.partition { print("partition: \(partition) (undo with `folio-testnet heal`)") }
                let faults = controller.linkFaults()
                if !faults.isEmpty { print("link faults: \(faults) (undo with `delay I 0`, `loss I 0`)") }
            }
        }
    }
}

struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Print a node's log; -f follows it.", discussion: "Example:\n  folio-testnet logs 2 -f")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
    @Flag(name: .short, help: "Follow the log as it grows.") var follow = false

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let path = try common.controller().loadState().node(node).logPath
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .setup("cannot read \(path)") }
            FileHandle.standardOutput.write(handle.readDataToEndOfFile())
            while follow {
                let more = handle.readDataToEndOfFile()
                if more.isEmpty { try? await Task.sleep(for: .milliseconds(300)) } else { FileHandle.standardOutput.write(more) }
            }
        }
    }
}

/// One node-signalling subcommand.
protocol SignalCommand: AsyncParsableCommand {
    var common: CommonOptions { get }
    var node: Int { get }
    static var action: SignalAction { get }
}

extension SignalCommand {
    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            try await common.controller().signal(node, Self.action)
            print("node \(node): \(Self.action.rawValue) done")
        }
    }
}

struct StopCommand: SignalCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop a node gracefully (SIGTERM).")
    static let action = SignalAction.stop
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
}

struct KillCommand: SignalCommand {
    static let configuration = CommandConfiguration(commandName: "kill", abstract: "Kill a node at once (SIGKILL).")
    static let action = SignalAction.kill
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
}

struct PauseCommand: SignalCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Freeze a node (SIGSTOP).")
    static let action = SignalAction.pause
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
}

struct ResumeCommand: SignalCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Thaw a paused node (SIGCONT).")
    static let action = SignalAction.resume
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
}

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a stopped or killed node again.", discussion: "Example:\n  folio-testnet start 2")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            try await common.controller().start(node)
            print("node \(node): started")
        }
    }
}

struct DownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down", abstract: "Stop every node, keeping the data.", discussion: "Example:\n  folio-testnet down")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            try await common.controller().down()
            print("all nodes stopped; data kept in \(common.dir)")
        }
    }
}

struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Stop every node and delete the testnet directory.", discussion: "Example:\n  folio-testnet clean")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            try await common.controller().clean()
            print("removed \(common.dir)")
        }
    }
}

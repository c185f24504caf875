import ArgumentParser
import FolioNode
import Foundation

struct PartitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partition", abstract: "Split the nodes into groups that cannot reach each other.",
        discussion: """
            Each node's peer filter (the net_filter RPC method) blocks every node outside its group:
            links across groups close and are not redialled until `heal`. A partition replaces any
            earlier one; `status` shows it; a node started later gets its filter; `down` undoes it.
            Example:
              folio-testnet partition 0,1/2,3
              folio-testnet partition 0-9/10-19
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Groups of node indices split by '/', nodes by ',' (a-b for a range).") var groups: String

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let controller = common.controller()
            let partition = try TestnetPartition(parsing: groups, nodeCount: try controller.loadState().nodes.count)
            try await controller.partition(partition)
            print("partitioned: \(partition)")
        }
    }
}

struct HealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heal", abstract: "Undo a partition: clear every node's peer filter.",
        discussion: "Example:\n  folio-testnet heal")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            try await common.controller().heal()
            print("healed: no node blocks another now")
        }
    }
}

struct DelayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delay", abstract: "Delay every link of a node by MS milliseconds each way (0 clears).",
        discussion: """
            Needs a testnet started with `up --proxy`: the tool's proxy holds each chunk on the node's
            links; the delays of both ends of a link add.
            Example:
              folio-testnet delay 2 150
              folio-testnet delay 2 0
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
    @Argument(help: "Milliseconds, 0-60000; 0 clears.") var milliseconds: Int

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let controller = common.controller()
            try controller.delay(node, milliseconds: milliseconds)
            print("link faults: \(controller.linkFaults())")
        }
    }
}

struct LossCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss", abstract: "Lose PCT percent of the chunks on a node's links, as TCP retransmissions (0 clears).",
        discussion: """
            Needs a testnet started with `up --proxy`. TCP does not lose bytes inside a stream, so a
            "lost" chunk is held for a 200 ms retransmission timeout and then delivered in order.
            Example:
              folio-testnet loss 3 10
              folio-testnet loss 3 0
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: "Node index.") var node: Int
    @Argument(help: "Percent, 0-100; 0 clears.") var percent: Int

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let controller = common.controller()
            try controller.loss(node, percent: percent)
            print("link faults: \(controller.linkFaults())")
        }
    }
}

struct ProxyServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy-serve", abstract: "Run the link proxy of a testnet (started by `up --proxy`).",
        shouldDisplay: false)
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await reportingErrors { () throws(TestnetError) in
            let controller = common.controller()
            let links = try controller.loadState().proxyLinks ?? []
            guard !links.isEmpty else { throw .usage("this testnet has no proxied links; it was not started with `up --proxy`") }
            // Unbuffered, so `up` sees the ready line in the log at once.
            let say: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
            do { try await LinkProxy(links: links, directory: controller.directory, say: say).run() } catch {
                throw .setup("the link proxy stopped: \(error)")
            }
        }
    }
}

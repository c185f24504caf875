import ArgumentParser
import FolioNode

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
            print("healed: every running node's peer filter is clear")
        }
    }
}

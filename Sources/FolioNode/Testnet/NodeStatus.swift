import FolioAPI
import Foundation

/// One node as `folio-testnet status` shows it.
public struct NodeStatus: Codable, Sendable, Equatable {
    /// Index from 0.
    public var index: Int
    /// `authority`, `miner` or `follower`.
    public var role: String
    /// Whether the process is alive.
    public var running: Bool
    /// Validated height, if the node answered.
    public var height: UInt64?
    /// Tip id, if the node answered.
    public var tip: String?
    /// Connected peers, if the node answered.
    public var peers: Int?
    /// Sync state, if the node answered.
    public var sync: String?
    /// JSON-RPC URL.
    public var rpc: String
    /// Explorer URL.
    public var explorer: String
    /// Log file.
    public var log: String
    /// The node's group under a partition (`folio-testnet partition`), from 0; nil when none.
    public var group: Int?

    /// Asks `node` over RPC for its chain info.
    static func ask(_ node: TestnetState.Node, token: String) async -> NodeStatus {
        var status = NodeStatus(
            index: node.index, role: node.role, running: TestnetProcesses.isRunning(node.pid), rpc: node.rpcURL,
            explorer: node.explorerURL, log: node.logPath)
        guard status.running, let url = URL(string: node.rpcURL) else { return status }
        let client = RPCClient(endpoint: url, credentials: .token(token), timeout: 3)
        if let info = try? await client.call(ChainInfo.self) {
            status.height = info.height
            status.tip = info.bestBlockId
            status.peers = info.sync.peers
            status.sync = info.sync.state.rawValue
        }
        return status
    }

    /// An aligned table of `statuses`.
    public static func table(_ statuses: [NodeStatus]) -> String {
        var rows = [["node", "role", "state", "height", "peers", "tip", "rpc", "explorer", "log"]]
        for status in statuses {
            rows.append([
                "\(status.index)", status.role, status.running ? (status.sync ?? "no answer") : "stopped",
                status.height.map(String.init) ?? "-", status.peers.map(String.init) ?? "-",
                status.tip.map { String($0.prefix(12)) } ?? "-", status.rpc, status.explorer, status.log,
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

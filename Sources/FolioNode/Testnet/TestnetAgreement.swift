import FolioAPI
import Foundation

/// Whether running nodes agree. Blocks keep coming, so tips polled moments apart differ by a
/// block in flight, and two proof-of-work miners briefly hold competing tips. Agreement is the
/// same block two below the lowest node's tip on every node (its hash commits to every block
/// below), with no node more than three blocks ahead of the lowest, and that block above genesis.
enum TestnetAgreement {
    static func holds(_ clients: [RPCClient]) async -> Bool {
        guard !clients.isEmpty else { return false }
        var heights: [UInt64] = []
        for client in clients {
            guard let info = try? await client.call(ChainInfo.self) else { return false }
            heights.append(info.height)
        }
        guard let low = heights.min(), let high = heights.max(), high - low <= 3, low >= 3 else { return false }
        var ids = Set<String>()
        for client in clients {
            guard let block = try? await client.call(ChainBlock.self, BlockQuery(height: low - 2)) else { return false }
            ids.insert(block.id)
        }
        return ids.count == 1
    }

    /// Clients for the running nodes of `state`.
    static func clients(_ state: TestnetState) -> [RPCClient] {
        state.nodes.filter { TestnetProcesses.isRunning($0.pid) }.compactMap { node in
            URL(string: node.rpcURL).map { RPCClient(endpoint: $0, credentials: .token(state.rpcToken), timeout: 3) }
        }
    }
}

import FolioAPI
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the running nodes' chains look like at one moment: the distinct tips, the height of
/// the last block they all share, and, per branch, the blocks above it and who sealed them.
/// Taken at `heal`, it shows what each side of a partition built.
struct TestnetForkSurvey: Sendable, Equatable {
    /// One distinct tip and the nodes on it.
    struct Branch: Sendable, Equatable {
        /// The nodes whose tip this is.
        var nodes: [Int]
        /// The tip's height.
        var height: UInt64
        /// Blocks above the shared block.
        var length: UInt64
        /// The authorities (PoA) that sealed those blocks.
        var signers: Set<String>
    }

    /// The height of the highest block every branch shares.
    var sharedHeight: UInt64
    /// The branches, most blocks first.
    var branches: [Branch]

    /// How far back the survey looks for the shared block.
    static let maxDepth: UInt64 = 2_000

    /// Surveys the running nodes of `state`; nil when a node does not answer.
    static func take(state: TestnetState) async -> TestnetForkSurvey? {
        var tips: [String: (client: RPCClient, nodes: [Int], height: UInt64)] = [:]
        for node in state.nodes where TestnetProcesses.isRunning(node.pid) {
            guard let url = URL(string: node.rpcURL) else { return nil }
            let client = RPCClient(endpoint: url, credentials: .token(state.rpcToken), timeout: 3)
            guard let info = try? await client.call(ChainInfo.self) else { return nil }
            tips[info.bestBlockId, default: (client, [], info.height)].nodes.append(node.index)
        }
        let sides = tips.values.sorted { $0.nodes[0] < $1.nodes[0] }
        guard let low = sides.map(\.height).min() else { return nil }
        var shared = low
        while true {
            var ids = Set<String>()
            for side in sides {
                guard let block = try? await side.client.call(ChainBlock.self, BlockQuery(height: shared)) else { return nil }
                ids.insert(block.id)
            }
            if ids.count <= 1 || shared == 0 || low - shared >= maxDepth { break }
            shared -= 1
        }
        var branches: [Branch] = []
        for side in sides {
            var signers = Set<String>()
            if side.height > shared {
                for height in (shared + 1)...side.height {
                    guard let block = try? await side.client.call(ChainBlock.self, BlockQuery(height: height)) else { return nil }
                    if let authority = block.authority { signers.insert(authority) }
                }
            }
            branches.append(Branch(nodes: side.nodes.sorted(), height: side.height, length: side.height - shared, signers: signers))
        }
        return TestnetForkSurvey(sharedHeight: shared, branches: branches.sorted { $0.length > $1.length })
    }

    /// The conflicting branches (with blocks above the shared one) each sealed by more than
    /// half of `authorities`, when there are two or more of them; empty otherwise.
    func majorityBranches(authorities: Int) -> [Branch] {
        let diverging = branches.filter { $0.length > 0 }
        guard diverging.count > 1 else { return [] }
        let majority = diverging.filter { $0.signers.count * 2 > authorities }
        return majority.count > 1 ? majority : []
    }

    /// One line: the shared height and each branch.
    var summary: String {
        "shared block at height \(sharedHeight); " + branches.map { branch in
            "nodes \(branch.nodes.map(String.init).joined(separator: ",")) +\(branch.length)"
                + (branch.signers.isEmpty ? "" : " (\(branch.signers.count) sealers)")
        }.joined(separator: ", ")
    }
}

/// Reads each node's deepest reorganisation from its `/metrics` (`folio_reorg_depth…`).
enum TestnetReorgDepth {
    /// Node index → deepest reorg in blocks, for the running nodes that answered.
    static func read(state: TestnetState) async -> [Int: UInt64] {
        var depths: [Int: UInt64] = [:]
        for node in state.nodes where TestnetProcesses.isRunning(node.pid) {
            guard let url = URL(string: "http://\(node.address):\(node.rpcPort)/metrics") else { continue }
            var request = URLRequest(url: url)
            request.timeoutInterval = 3
            request.setValue("Bearer \(state.rpcToken)", forHTTPHeaderField: "Authorization")
            guard let (data, _) = try? await URLSession.shared.data(for: request) else { continue }
            depths[node.index] = parse(String(decoding: data, as: UTF8.self))
        }
        return depths
    }

    /// The value of the `folio_reorg_depth` gauge in a Prometheus text page (0 if absent).
    static func parse(_ page: String) -> UInt64 {
        for line in page.split(separator: "\n") where line.hasPrefix("folio_reorg_depth") {
            guard let value = line.split(separator: " ").last, let number = Double(value), number >= 0, number < 1e15 else { continue }
            return UInt64(number)
        }
        return 0
    }
}

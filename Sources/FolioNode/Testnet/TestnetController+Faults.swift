import FolioAPI
import Foundation

extension TestnetController {
    /// Splits the running nodes into `partition`'s groups: each node's peer filter blocks
    /// every node outside its group. Recorded in the state, so `status` shows it, a node
    /// started later gets its filter, and `heal` or `down` undoes it.
    public func partition(_ partition: TestnetPartition) async throws(TestnetError) {
        var state = try loadState()
        state.partition = partition
        try state.save(directory: directory)
        if state.namespaces != nil { return try applyNamespaceRules(state: state) }
        var failures: [String] = []
        for node in state.nodes where TestnetProcesses.isRunning(node.pid) {
            if let why = await applyFilter(node: node.index, state: state, timeout: 10) { failures.append(why) }
        }
        guard failures.isEmpty else { throw .setup("partition set, but " + failures.joined(separator: "; ")) }
    }

    /// With `--netns`: writes every node's nftables rules from the partition and loss in force
    /// (the kernel drops the packets; the nodes are not told).
    func applyNamespaceRules(state: TestnetState) throws(TestnetError) {
        guard let spaces = state.namespaces else { return }
        let faults = LinkFaults.load(directory: directory)
        for node in state.nodes where spaces.exists(node.index) {
            let rules = spaces.rules(for: node.index, blocked: state.partition?.blocked(by: node.index) ?? [],
                                     lossPercent: faults.lossPercent[node.index] ?? 0)
            try spaces.apply(rules, to: node.index)
        }
    }

    /// Clears every running node's peer filter and forgets the partition.
    public func heal() async throws(TestnetError) {
        var state = try loadState()
        let had = state.partition
        state.partition = nil
        try state.save(directory: directory)
        if state.namespaces != nil { return try applyNamespaceRules(state: state) }
        var failures: [String] = []
        for node in state.nodes where TestnetProcesses.isRunning(node.pid) {
            if let why = await applyFilter(node: node.index, state: state, timeout: 10) { failures.append(why) }
        }
        guard failures.isEmpty else { throw .setup("partition \(had.map { "\($0)" } ?? "none") forgotten, but " + failures.joined(separator: "; ")) }
    }

    /// Sets node `index`'s peer filter to what `state.partition` asks (nothing when none),
    /// retrying until the node answers or `timeout` seconds pass; returns why it failed, or nil.
    func applyFilter(node index: Int, state: TestnetState, timeout: Double) async -> String? {
        guard let node = try? state.node(index), let url = URL(string: node.rpcURL) else { return "node \(index) is unknown" }
        let others = state.partition?.blocked(by: index) ?? []
        // Through the proxy, the node dials a proxy port per link, so those are blocked too.
        let proxyPorts = (state.proxyLinks ?? []).filter { $0.from == index && others.contains($0.to) }.map(\.listenPort)
        let blocked = others.compactMap { other in (try? state.node(other)).map { "127.0.0.1:\($0.p2pPort)" } }
            + proxyPorts.map { "127.0.0.1:\($0)" }
        let client = RPCClient(endpoint: url, credentials: .token(state.rpcToken), timeout: 3)
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer"
        repeat {
            do {
                let result = try await client.call(NetFilter.self, NetFilterParams(blocked: blocked))
                if !blocked.isEmpty { say("  node \(index): blocks \(result.blocked.count) peers, dropped \(result.dropped) connections") }
                return nil
            } catch {
                last = "\(error)"
                if case .server = error { break }
            }
            try? await Task.sleep(for: .milliseconds(300))
        } while Date() < deadline
        return "node \(index) did not take its peer filter: \(last)"
    }
}

#if canImport(Glibc)
import Glibc
#endif
import FolioAPI
import FolioCore
import Foundation

extension PropagationBench {
    /// Waits until every node of the testnet in `controller`'s directory is `count` blocks past
    /// the best height now, then reads every node's `net_blocktimes` and reports those blocks.
    /// With `loadPerSecond`, it first funds load accounts and starts a `TransferLoad` of that
    /// many transfers a second, lets three blocks pass so the mempools fill, and measures
    /// under the load (heavy blocks); the load stops when the measured blocks are in.
    public static func run(controller: TestnetController, count: Int, cores: Int, loadPerSecond: Int? = nil,
                           say: @Sendable (String) -> Void) async throws(TestnetError) -> Report {
        guard (1...1_000).contains(count) else { throw .usage("--blocks must be 1-1000, got \(count)") }
        let state = try controller.loadState()
        let clients = state.nodes.map { node in
            RPCClient(endpoint: URL(string: node.rpcURL) ?? URL(fileURLWithPath: "/"), credentials: .token(state.rpcToken), timeout: 5)
        }
        var load: TransferLoad?
        defer {
            // Stopped, not cancelled (`TransferLoad.stop()` says why); the senders finish their
            // requests in flight on their own.
            if let load { Task { await load.stop() } }
        }
        if let loadPerSecond {
            // Two seconds of load per account at most: each account's pending run stays short.
            let transfers = try TransferLoad(state: state, ratePerSecond: loadPerSecond, accounts: max(2 * loadPerSecond, 10))
            load = transfers
            try await transfers.fund(say: say)
            Task { await transfers.run() }
            let now = await heights(clients).compactMap { $0 }.max() ?? 0
            say("load of \(loadPerSecond) transfers a second running; letting three blocks pass…")
            try await waitForHeight(now + 3, clients: clients, alive: Set(clients.indices), seconds: 120, say: say)
        }
        let neighbours = graph(state)
        let rtt = loopbackRoundTripMillis(host: state.nodes[0].address, port: state.nodes[0].p2pPort)
        let before = await bodyBytes(clients)
        let start = await heights(clients).compactMap { $0 }.max() ?? 0
        let target = start + UInt64(count) + 1
        say("measuring blocks \(start + 1)-\(start + UInt64(count)) on \(state.nodes.count) nodes (diameter \(diameter(neighbours)), "
            + String(format: "loopback RTT %.3f ms)…", rtt))
        try await waitForHeight(target, clients: clients, alive: Set(clients.indices), seconds: Double(count) * 10 + 60,
                                poll: .seconds(1), say: say)
        var times: [[String: BlockTimeEntry]] = []
        let after = await bodyBytes(clients)
        for client in clients {
            let entries = (try? await client.call(NetBlockTimes.self, NetBlockTimesParams()))?.blocks ?? []
            times.append(Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        let ratios = await bodyRatios(clients[0], before: before, after: after)
        var blocks: [Block] = []
        for height in (start + 1)...(start + UInt64(count)) {
            guard let view = try? await clients[0].call(ChainBlock.self, BlockQuery(height: height)) else {
                throw .setup("node 0 has no block at height \(height)")
            }
            let id = view.id
            if var block = block(height: height, times: times.map { $0[id] }, diameter: diameter(neighbours), rttMillis: rtt, cores: cores) {
                block.sizeBytes = view.sizeBytes
                block.transactions = view.transactions.count
                blocks.append(block)
            }
        }
        var report = Report(blocks: blocks, nodes: state.nodes.count, diameter: diameter(neighbours), rttMillis: rtt, cores: cores)
        report.bodyRatios = ratios
        return report
    }

    /// Each node's block bytes received and validated height, read together (nil: no answer).
    static func bodyBytes(_ clients: [RPCClient]) async -> [(bytes: Int64, height: UInt64)?] {
        var result: [(bytes: Int64, height: UInt64)?] = []
        for client in clients {
            guard let times = try? await client.call(NetBlockTimes.self, NetBlockTimesParams(limit: 1)),
                  let bytes = times.blockBytesReceived, let height = times.blocks.last?.height else {
                result.append(nil)
                continue
            }
            result.append((bytes, height))
        }
        return result
    }

    /// B11 per node between two `bodyBytes` readings, with block sizes read from `reference`.
    static func bodyRatios(_ reference: RPCClient, before: [(bytes: Int64, height: UInt64)?],
                           after: [(bytes: Int64, height: UInt64)?]) async -> [Double?] {
        let spans = zip(before, after).map { first, last -> (Int64, UInt64, UInt64)? in
            guard let first, let last else { return nil }
            return (last.bytes - first.bytes, first.height, last.height)
        }
        let lowest = spans.compactMap { $0?.1 }.min() ?? 0, highest = spans.compactMap { $0?.2 }.max() ?? 0
        var sizes: [UInt64: Int] = [:]
        // Proof-of-authority testnets: node i seals with authority key i, and never receives
        // the bodies of its own blocks, so those stay out of its denominator.
        let authorities = (0..<before.count).compactMap { index in
            (try? TestnetPlan.authorityKey(index)).map { (HexCoding.encode($0.publicKey.bytes), index) }
        }
        let nodeOfAuthority = Dictionary(authorities, uniquingKeysWith: { first, _ in first })
        var sealed = [Set<UInt64>](repeating: [], count: before.count)
        if highest > lowest {
            for height in (lowest + 1)...highest {
                guard let block = try? await reference.call(ChainBlock.self, BlockQuery(height: height)) else { continue }
                sizes[height] = block.sizeBytes
                if let authority = block.authority, let node = nodeOfAuthority[authority] { sealed[node].insert(height) }
            }
        }
        return spans.enumerated().map { node, span in
            span.flatMap { bodyRatio(receivedBytes: $0.0, from: $0.1, to: $0.2, sizes: sizes, sealed: sealed[node]) }
        }
    }

    /// Every node's validated height (nil: it did not answer).
    static func heights(_ clients: [RPCClient]) async -> [UInt64?] {
        var result: [UInt64?] = []
        for client in clients { result.append(try? await client.call(ChainInfo.self).height) }
        return result
    }

    /// The peer graph as the nodes were started: each node's `--peers` entries, matched to the
    /// nodes by address and port (proxied links are matched by the proxy's records).
    static func graph(_ state: TestnetState) -> [Set<Int>] {
        var sets = [Set<Int>](repeating: [], count: state.nodes.count)
        for link in state.proxyLinks ?? [] where sets.indices.contains(link.from) && sets.indices.contains(link.to) {
            sets[link.from].insert(link.to)
            sets[link.to].insert(link.from)
        }
        for node in state.nodes {
            guard let flag = node.arguments.firstIndex(of: "--peers"), flag + 1 < node.arguments.count else { continue }
            for entry in node.arguments[flag + 1].split(separator: ",") {
                guard let port = entry.split(separator: ":").last.flatMap({ Int($0) }),
                      let other = state.nodes.first(where: { $0.p2pPort == port }) else { continue }
                sets[node.index].insert(other.index)
                sets[other.index].insert(node.index)
            }
        }
        return sets
    }

    /// The median of 20 TCP connects to `host:port` (a SYN and its SYN-ACK: one round trip),
    /// in milliseconds; 0 if none succeeded.
    static func loopbackRoundTripMillis(host: String, port: Int) -> Double {
        var samples: [Double] = []
        for _ in 0..<20 {
            let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socketFD >= 0 else { continue }
            defer { close(socketFD) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { continue }
            let began = ContinuousClock.now
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let took = ContinuousClock.now - began
            if connected == 0 { samples.append(Double(took.components.attoseconds) / 1e15 + Double(took.components.seconds) * 1000) }
        }
        return samples.isEmpty ? 0 : percentile(samples, 0.5)
    }

    /// Waits until every node in `alive` has validated `height`; returns the highest height seen.
    @discardableResult
    static func waitForHeight(_ height: UInt64, clients: [RPCClient], alive: Set<Int>, seconds: Double,
                              poll: Duration = .milliseconds(250), say: @Sendable (String) -> Void) async throws(TestnetError) -> UInt64 {
        let deadline = Date().addingTimeInterval(seconds)
        var lastReport = Date()
        while true {
            let heights = await PropagationBench.heights(clients)
            let watched = alive.map { heights[$0] }
            if watched.allSatisfy({ ($0 ?? 0) >= height }) { return watched.compactMap { $0 }.max() ?? height }
            guard Date() < deadline else {
                throw .timeout("the nodes did not all reach height \(height) in time: "
                    + heights.enumerated().map { "\($0.offset):\($0.element.map(String.init) ?? "-")" }.joined(separator: " "))
            }
            if Date().timeIntervalSince(lastReport) >= 10 {
                say("  heights: " + heights.map { $0.map(String.init) ?? "-" }.joined(separator: " ") + " (waiting for \(height))")
                lastReport = Date()
            }
            try? await Task.sleep(for: poll)
        }
    }
}

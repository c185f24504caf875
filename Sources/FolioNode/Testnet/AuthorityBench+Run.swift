import FolioAPI
import Foundation

extension AuthorityBench {
    /// Runs B12 on the testnet in `controller`'s directory: `blocks` new blocks with every node
    /// up, then `kills` recovery trials. Each trial waits for a fresh block at height h, kills
    /// the authority in turn at h + 2 at once (h + 1's sealer is alive and on time), waits for
    /// h + 3, reads every node's `net_blocktimes`, restarts the victim and waits until the
    /// nodes agree again.
    public static func run(controller: TestnetController, blocks: Int, kills: Int,
                           say: @Sendable (String) -> Void) async throws(TestnetError) -> Report {
        guard (1...2_000).contains(blocks) else { throw .usage("--blocks must be 1-2000, got \(blocks)") }
        guard (0...50).contains(kills) else { throw .usage("--kills must be 0-50, got \(kills)") }
        let state = try controller.loadState()
        let (authorities, period) = try Self.authorities(genesisAt: controller.directory + "/genesis.json")
        guard authorities.count == state.nodes.count, authorities.count >= 3 else {
            throw .usage("authority-bench needs every node an authority and at least 3 of them (`up --engine poa --nodes 5`)")
        }
        let clients = state.nodes.map { node in
            RPCClient(endpoint: URL(string: node.rpcURL) ?? URL(fileURLWithPath: "/"), credentials: .token(state.rpcToken), timeout: 5)
        }
        let perBlock = Double(period) + Double(authorities.count) * 0.5

        // Everyone up: which authority sealed each of the next `blocks` heights.
        let start = await PropagationBench.heights(clients).compactMap { $0 }.max() ?? 0
        say("measuring the sealers of blocks \(start + 1)-\(start + UInt64(blocks)) with all \(authorities.count) authorities up…")
        try await PropagationBench.waitForHeight(start + UInt64(blocks), clients: clients, alive: Set(clients.indices),
                                seconds: Double(blocks) * perBlock + 60, say: say)
        var sealers: [UInt64: String] = [:]
        for height in (start + 1)...(start + UInt64(blocks)) {
            guard let block = try? await clients[0].call(ChainBlock.self, BlockQuery(height: height)), let sealer = block.authority else {
                throw .setup("node 0 has no proof-of-authority block at height \(height)")
            }
            sealers[height] = sealer
        }
        let inTurn = inTurnCount(sealers: sealers, authorities: authorities)
        say("in turn: \(inTurn) of \(blocks)")

        var recoveries: [Recovery] = []
        for trial in 0..<kills {
            let recovery = try await recoveryTrial(controller: controller, clients: clients, authorities: authorities,
                                                   perBlock: perBlock, say: say)
            say(String(format: "trial %d: node %d down for height %llu, next block after %.0f ms%@", trial + 1, recovery.victim,
                       recovery.height, recovery.gapMillis, recovery.outOfTurn ? "" : " (sealed in turn: the kill came late)"))
            recoveries.append(recovery)
        }
        return Report(authorities: authorities.count, periodSeconds: period, measuredBlocks: blocks, inTurnBlocks: inTurn,
                      recoveries: recoveries)
    }

    /// One trial; the victim is running again and the nodes agree when it returns.
    static func recoveryTrial(controller: TestnetController, clients: [RPCClient], authorities: [String],
                              perBlock: Double, say: @Sendable (String) -> Void) async throws(TestnetError) -> Recovery {
        let all = Set(clients.indices)
        let now = await PropagationBench.heights(clients).compactMap { $0 }.max() ?? 0
        // A fresh block: polled every 20 ms, so the kill lands early in h + 1's period.
        let fresh = try await PropagationBench.waitForHeight(now + 1, clients: clients, alive: all, seconds: perBlock * 3 + 30, poll: .milliseconds(20), say: say)
        let height = fresh + 2
        let victim = Int(height % UInt64(authorities.count))
        try await controller.signal(victim, .kill)
        let alive = all.subtracting([victim])
        try await PropagationBench.waitForHeight(height + 1, clients: clients, alive: alive, seconds: perBlock * 4 + 30, say: say)
        var times: [[String: BlockTimeEntry]] = []
        for index in alive.sorted() {
            let entries = (try? await clients[index].call(NetBlockTimes.self, NetBlockTimesParams(limit: 64)))?.blocks ?? []
            times.append(Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        let reference = clients[alive.sorted().first ?? 0]
        guard let before = try? await reference.call(ChainBlock.self, BlockQuery(height: height - 1)),
              let after = try? await reference.call(ChainBlock.self, BlockQuery(height: height)),
              let beforeAt = firstConnect(before.id, in: times), let afterAt = firstConnect(after.id, in: times) else {
            throw .setup("the surviving nodes have no record of heights \(height - 1) and \(height)")
        }
        try await controller.start(victim)
        _ = try await controller.waitForAgreement(timeout: 120)
        return Recovery(height: height, victim: victim, gapMillis: Double(afterAt - beforeAt),
                        outOfTurn: after.authority != authorities[victim])
    }
}

import FolioChain
import FolioCore
import FolioNode
import FolioStore
import FolioTestSupport
import Foundation
import Logging
import Synchronization

/// B8: a node syncing a pre-built chain from one peer over loopback TCP, against B7 (the same
/// blocks imported from memory into a fresh store) measured in the same run.
///
/// Both sides are the node's own stack: ledgers opened by `NodeLedgerFactory` as `foliod` opens
/// them (SQLite store, the engine the genesis names, the licence interpreter, a mempool) and
/// `P2PService` (PeerManager, PeerNetwork, LedgerChainBackend) on 127.0.0.1. The serving node
/// imports the chain once, untimed. Each round then times a replay into a fresh ledger
/// (`chain.accept` for every block, as B7) and a sync: a fresh ledger's service dials the
/// server, from just before it starts until its ledger reports the served tip connected.
/// The two alternate which goes first. Prints one JSON object per round: blocks per wall-clock
/// second and per process CPU-second (both nodes' CPU for the sync) for each, their ratios, and
/// the share of the sync's wall time the syncing ledger spent in `Chain.accept`.
enum SyncBench {
    /// Longest a sync may take before the round fails rather than hang.
    static let syncDeadlineSeconds = 600

    static func run(blockCount: Int, perBlock: Int, rounds: Int) async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let workload = try await Workload.makeSealed(blockCount: blockCount, perBlock: perBlock)
        let directory = try TemporaryDirectory(prefix: "folio-sync-bench")
        defer { directory.remove() }
        let server = try ledger(workload.params, in: directory.url.appendingPathComponent("server"))
        for block in workload.blocks {
            guard case .connected = await server.chain.accept(block).status else { throw ToolError.failed("the server refused a block") }
        }
        let tip = await server.chain.tip
        // FOLIO_B8_SYNC_ONLY=1 skips the replays, so a profiler sees the sync alone.
        let syncOnly = ProcessInfo.processInfo.environment["FOLIO_B8_SYNC_ONLY"] == "1"
        for round in 1...max(rounds, 1) {
            let base = directory.url.appendingPathComponent("round\(round)")
            var replay = Timing()
            let replayFirst = round % 2 == 1
            if replayFirst && !syncOnly { replay = try await self.replay(workload, in: base.appendingPathComponent("replay")) }
            let sync = try await self.sync(workload.params, from: server, tip: tip, in: base.appendingPathComponent("sync"), round: round)
            if !replayFirst && !syncOnly { replay = try await self.replay(workload, in: base.appendingPathComponent("replay")) }
            try? FileManager.default.removeItem(at: base)
            let blocks = Double(blockCount)
            let (replayRate, syncRate) = (blocks / replay.wall, blocks / sync.wall)
            let (replayCPURate, syncCPURate) = (blocks / replay.cpu, blocks / sync.cpu)
            func text(_ value: Double) -> String { value.isFinite ? String(format: "%.3f", value) : "0" }
            print(#"{"id":"B8","round":\#(round),"blocks":\#(blockCount),"perBlock":\#(perBlock),"replay":\#(text(replayRate)),"sync":\#(text(syncRate)),"ratio":\#(text(syncRate / replayRate)),"replayCPU":\#(text(replayCPURate)),"syncCPU":\#(text(syncCPURate)),"ratioCPU":\#(text(syncCPURate / replayCPURate)),"validatingShare":\#(text(sync.validating / sync.wall)),"first":"\#(replayFirst ? "replay" : "sync")","load":\#(loadAverage())}"#)
        }
    }

    /// A ledger opened as `foliod` opens it, in a new data directory at `url`.
    static func ledger(_ params: ChainParams, in url: URL) throws -> Ledger {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return try NodeLedgerFactory.open(params: params, dataDirectory: url.path).0
    }

    /// Wall and process CPU seconds of one measured part.
    struct Timing {
        var wall = 0.0
        var cpu = 0.0
        /// Of a sync: the wall seconds the syncing node's ledger spent accepting blocks.
        var validating = 0.0

        /// Times `body`: the wall clock, and the CPU time of the whole process (both nodes,
        /// every thread) over the same span.
        static func of(_ body: () async throws -> Void) async rethrows -> Timing {
            let (wall, cpu) = (DispatchTime.now().uptimeNanoseconds, Bench.processCPUSeconds())
            try await body()
            return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, cpu: Bench.processCPUSeconds() - cpu)
        }
    }

    /// B7 on the node's ledger: every block through `chain.accept` into a fresh one.
    static func replay(_ workload: Workload, in url: URL) async throws -> Timing {
        let ledger = try ledger(workload.params, in: url)
        return try await Timing.of {
            for block in workload.blocks {
                guard case .connected = await ledger.chain.accept(block).status else { throw ToolError.failed("replay refused a block") }
            }
        }
    }

    /// B8: a fresh node dials the server and syncs until its validated tip is `tip`; timed
    /// from just before its service starts until its ledger reports `tip` connected.
    static func sync(_ params: ChainParams, from server: Ledger, tip: ChainTip, in url: URL, round: Int) async throws -> Timing {
        let serving = service(server, name: "server", round: round, peers: [])
        let port = try await serving.start()
        let syncing = try ledger(params, in: url)
        let (reached, signal) = AsyncStream<Void>.makeStream()
        // Runs on the ledger's executor as each block joins the main chain.
        let token = await syncing.addObserver { event in
            if case let .blockConnected(block, _, _) = event, block.id == tip.id { signal.finish() }
        }
        // The time the syncing node's chain spent accepting blocks: against the sync's wall
        // time, it shows whether validation ever waited for the network.
        let busy = Mutex(Duration.zero)
        await syncing.setImportObserver { took in busy.withLock { $0 += took } }
        let client = service(syncing, name: "syncing", round: round, peers: ["127.0.0.1:\(port)"])
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(syncDeadlineSeconds))
            signal.finish()
        }
        var timing = try await Timing.of {
            try await client.start()
            for await _ in reached {}
        }
        let accepting = busy.withLock { $0 }
        timing.validating = Double(accepting.components.seconds) + Double(accepting.components.attoseconds) / 1e18
        watchdog.cancel()
        await syncing.removeObserver(token)
        await client.stop()
        await serving.stop()
        guard await syncing.chain.tip == tip else {
            throw ToolError.failed("round \(round): the syncing node did not reach height \(tip.height) within \(syncDeadlineSeconds) s")
        }
        return timing
    }

    /// A peer-to-peer service on 127.0.0.1 (a free port) that dials `peers` and nothing else.
    static func service(_ ledger: Ledger, name: String, round: Int, peers: [String]) -> P2PService {
        var logger = Logger(label: "b8.\(name)")
        logger.logLevel = .warning
        return P2PService(ledger: ledger, params: ledger.chain.params, host: "127.0.0.1", port: 0, peers: peers, maxPeers: 8,
                          outboundTarget: 0, identity: TestKeys.named("b8/\(name)/\(round)").privateKey, logger: logger)
    }

    /// The one-minute load average, from /proc/loadavg (0 where there is none).
    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }
}

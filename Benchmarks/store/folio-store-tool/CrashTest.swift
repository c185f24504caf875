import FolioChain
import FolioCore
import FolioStore
import Foundation
import FolioTestSupport

/// R1: a child imports blocks into a SQLite store and prints `ack <height>` after each accept
/// returns; the parent SIGKILLs it at random moments, reopens the store, and checks integrity,
/// that the tip is not behind the last acknowledged height, and that the state root at the
/// tip equals the root a never-crashed node has at that height.
enum CrashTest {
    /// The child: imports the blocks in `blocksPath` above the store's tip.
    static func child(database: String, blocksPath: String) async throws {
        let blocks = try Workload.decodeBlocks([UInt8](try Data(contentsOf: URL(fileURLWithPath: blocksPath))))
        let params = try ChainBuilder.params(prefund: Workload.keys(64).map { ($0, 1_000_000_000) })
        let store = try SQLiteChainStore(path: database)
        let chain = try Workload.chain(params: params, store: store)
        let start = Int(await chain.tip.height)
        for block in blocks.dropFirst(start) {
            let outcome = await chain.accept(block)
            guard case .connected = outcome.status else { throw ToolError.failed("block \(block.header.height): \(outcome.status)") }
            // Unbuffered: the parent must see every acknowledgement written before the kill.
            FileHandle.standardOutput.write(Data("ack \(block.header.height)\n".utf8))
        }
    }

    /// The parent: at least `kills` kills, over as many fresh stores as that takes.
    static func parent(kills wanted: Int, blockCount: Int, perBlock: Int, seed: UInt64) async throws {
        let workload = try await Workload.make(blockCount: blockCount, perBlock: perBlock)
        let directory = try TemporaryDirectory(prefix: "folio-crash")
        defer { directory.remove() }
        let blocksPath = directory.url.appendingPathComponent("blocks.bin").path
        try Data(workload.encodedBlocks()).write(to: URL(fileURLWithPath: blocksPath))
        let database = directory.url.appendingPathComponent("chain.sqlite").path
        var random = SeededGenerator(seed: seed)
        var kills = 0, runs = 0, cycles = 0, maxReopenedHeight = 0
        var lastAck = 0
        while kills < wanted || lastAck != 0 {
            runs += 1
            let delay = UInt32.random(in: 0...400_000, using: &random)
            let (ackedNow, killed) = try runChild(database: database, blocksPath: blocksPath, killAfterMicroseconds: delay)
            if killed { kills += 1 }
            lastAck = max(lastAck, ackedNow)
            let height = try verify(database: database, workload: workload, lastAck: lastAck)
            maxReopenedHeight = max(maxReopenedHeight, height)
            if height == blockCount {
                cycles += 1
                lastAck = 0
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            }
        }
        print("R1 crash test: \(kills) SIGKILLs over \(runs) child runs and \(cycles) full imports of \(blockCount) blocks × \(perBlock) transactions; integrity_check ok, tip never behind the acknowledged height, state root equal to the never-crashed chain's at every reopen")
    }

    /// Starts the child, kills it after the delay unless it finished, returns the highest
    /// height it acknowledged and whether it was killed.
    static func runChild(database: String, blocksPath: String, killAfterMicroseconds delay: UInt32) throws -> (Int, Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["crash-child", database, blocksPath]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        usleep(delay)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if !killed, process.terminationStatus != 0 { throw ToolError.failed("child exited with \(process.terminationStatus)") }
        let acked = text.split(separator: "\n").compactMap { line in line.hasPrefix("ack ") ? Int(line.dropFirst(4)) : nil }.max() ?? 0
        return (acked, killed)
    }

    /// Reopens the store and checks R1's three conditions; returns the tip height.
    static func verify(database: String, workload: Workload, lastAck: Int) throws -> Int {
        guard FileManager.default.fileExists(atPath: database) else {
            guard lastAck == 0 else { throw ToolError.failed("store missing after ack \(lastAck)") }
            return 0
        }
        let store = try SQLiteChainStore(path: database)
        defer { try? store.close() }
        let integrity = try store.integrityCheck()
        guard integrity == ["ok"] else { throw ToolError.failed("integrity_check: \(integrity)") }
        let height = Int(try store.tip()?.height ?? 0)
        guard height >= lastAck else { throw ToolError.failed("tip \(height) is behind the acknowledged \(lastAck)") }
        if height > 0 {
            // The chain checked each header's state root on import; this checks the stored
            // accumulator (what a restarted node builds on) against the never-crashed chain's.
            let stored = try store.metadata("state-accumulator").map { SHA256.hash($0) }
            guard stored == workload.blocks[height - 1].header.stateRoot else {
                throw ToolError.failed("state root at height \(height) differs from the never-crashed chain's")
            }
        }
        return height
    }
}

/// A tool failure with its message.
enum ToolError: Error, CustomStringConvertible {
    case failed(String)
    case usage

    var description: String {
        switch self {
        case let .failed(message): return message
        case .usage: return "usage: folio-store-tool crash-test [kills] [blocks] [per-block] | crash-child DB BLOCKS | bench REFERENCE-BINARY [blocks] [per-block] | sync [blocks] [per-block] [rounds] | similarity DB [codes] [max-queries]"
        }
    }
}

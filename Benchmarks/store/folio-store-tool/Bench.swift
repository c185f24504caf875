import FolioChain
import FolioCore
import FolioStore
import FolioTestSupport
import Foundation

/// B5 (store writes), B6 (point reads) and B7 (replay from disk) with their references
/// measured in the same run. Prints one JSON object per line; the script makes the table.
enum Bench {
    static func run(blockCount: Int, perBlock: Int, referenceBinary: String) async throws {
        let workload = try await Workload.make(blockCount: blockCount, perBlock: perBlock)
        let directory = try TemporaryDirectory(prefix: "folio-bench")
        defer { directory.remove() }

        // B7 and B5: a full import into SQLite (synchronous=FULL), store time measured inside.
        let sqlite = try SQLiteChainStore(path: directory.url.appendingPathComponent("chain.sqlite").path)
        let timing = TimingStore(sqlite)
        let chain = try Workload.chain(params: workload.params, store: timing)
        let start = DispatchTime.now().uptimeNanoseconds
        for block in workload.blocks {
            guard case .connected = await chain.accept(block).status else { throw ToolError.failed("import failed") }
        }
        let importSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        // B3 on one thread over the same transactions: the verify half of B7's bound.
        let transactions = workload.blocks.flatMap(\.transactions)
        let verifyStart = DispatchTime.now().uptimeNanoseconds
        var valid = 0
        for transaction in transactions where transaction.sender.isValidSignature(transaction.signature, for: transaction.signingBytes) { valid += 1 }
        let verifySeconds = Double(DispatchTime.now().uptimeNanoseconds - verifyStart) / 1e9
        guard valid == transactions.count else { throw ToolError.failed("signatures failed") }

        let rowsPerTransaction = timing.rowsWritten / max(timing.writeTransactions, 1)
        let reference = try runReference(
            binary: referenceBinary, database: directory.url.appendingPathComponent("ref.sqlite").path,
            transactions: timing.writeTransactions, rows: rowsPerTransaction, valueBytes: 150, reads: 20_000)
        let swiftRows = Double(timing.rowsWritten) / timing.writeSeconds
        report("B5", "rows/s, one SQLite transaction per block, synchronous=FULL", swiftRows, reference.write, target: 0.7)

        // B6: point reads, each against C reading the same rows of the same file with the same
        // lookup (store_ref --read), both timed in process CPU time.
        var random = SeededGenerator(seed: 6)
        // FOLIO_B6_READS and FOLIO_B6_ONLY (a read kind's name) let a profiler run one kind for
        // longer; the script leaves both unset.
        let environment = ProcessInfo.processInfo.environment
        let reads = environment["FOLIO_B6_READS"].flatMap { Int($0) }.map { max($0, 1) } ?? 20_000
        let only = environment["FOLIO_B6_ONLY"]
        let ids = workload.blocks.map(\.id)
        let txIds = transactions.map(\.id)
        let keys = Workload.keys(64).map(\.address)
        let heights = (1...UInt64(blockCount)).map { $0 }
        let database = directory.url.appendingPathComponent("chain.sqlite").path
        let kinds: [ReadKind] = [
            ReadKind(name: "block by height", keys: heights.flatMap { height in (0..<8).map { UInt8(truncatingIfNeeded: height >> (8 * $0)) } }, keyBytes: 8,
                     sql: "SELECT b.body FROM main_chain m JOIN blocks b ON b.id = m.block WHERE m.height = ?") {
                _ = try sqlite.block(atHeight: heights[Int.random(in: 0..<heights.count, using: &random)])
            },
            ReadKind(name: "block by hash", keys: ids.flatMap(\.bytes), keyBytes: 32,
                     sql: "SELECT body FROM blocks WHERE id = ?") {
                _ = try sqlite.block(id: ids[Int.random(in: 0..<ids.count, using: &random)])
            },
            ReadKind(name: "tx by id", keys: txIds.flatMap(\.bytes), keyBytes: 32,
                     sql: "SELECT bytes, block, height, idx FROM txs WHERE id = ?") {
                _ = try sqlite.transaction(id: txIds[Int.random(in: 0..<txIds.count, using: &random)])
            },
            ReadKind(name: "account", keys: keys.flatMap(\.bytes), keyBytes: 20,
                     sql: "SELECT record FROM accounts WHERE address = ?") {
                _ = try sqlite.account(keys[Int.random(in: 0..<keys.count, using: &random)])
            },
        ]
        for kind in kinds where only.map({ $0 == kind.name }) ?? true {
            let readStart = processCPUSeconds()
            for _ in 0..<reads { try kind.read() }
            let rate = Double(reads) / (processCPUSeconds() - readStart)
            let keyFile = directory.url.appendingPathComponent("keys")
            try Data(kind.keys).write(to: keyFile)
            let cRate = try runReadReference(binary: referenceBinary, database: database, sql: kind.sql,
                                             keyFile: keyFile.path, keyBytes: kind.keyBytes, reads: reads)
            report("B6", "reads/CPU-s, \(kind.name)", rate, cRate, target: 0.5)
        }
        let bound = verifySeconds + timing.writeSeconds
        report("B7", "blocks/s replaying \(blockCount) × \(perBlock) transactions from disk (reference: B3 verify + B5 store time)",
               Double(blockCount) / importSeconds, Double(blockCount) / bound, target: 0.7)
    }

    static func runReference(binary: String, database: String, transactions: Int, rows: Int, valueBytes: Int,
                             reads: Int) throws -> (write: Double, read: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [database, "\(transactions)", "\(rows)", "\(valueBytes)", "FULL", "\(reads)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        func value(_ name: String) -> Double { lines.first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) } ?? 0 }
        return (value("write"), value("read"))
    }

    /// One kind of B6 read: Folio's call, and the keys and SQL the C reference reads with.
    struct ReadKind {
        let name: String
        let keys: [UInt8]
        let keyBytes: Int
        let sql: String
        let read: () throws -> Void
    }

    /// The C reference's point reads on Folio's file, in reads per CPU-second.
    static func runReadReference(binary: String, database: String, sql: String, keyFile: String, keyBytes: Int,
                                 reads: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--read", database, sql, keyFile, "\(keyBytes)", "\(reads)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("read ") }),
              let rate = Double(line.dropFirst(5)) else {
            throw ToolError.failed("the C read reference failed for \(sql)")
        }
        return rate
    }

    /// CPU time used by the whole process, the clock the C reference reads too.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func report(_ id: String, _ what: String, _ value: Double, _ reference: Double, target: Double) {
        let ratio = reference > 0 ? value / reference : 0
        print(#"{"id":"\#(id)","what":"\#(what)","value":\#(Int(value)),"reference":\#(Int(reference)),"ratio":\#(String(format: "%.2f", ratio)),"target":\#(target)}"#)
    }
}

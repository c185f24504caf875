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

        // B6: point reads.
        var random = SeededGenerator(seed: 6)
        let reads = 20_000
        let ids = workload.blocks.map(\.id)
        let txIds = transactions.map(\.id)
        let keys = Workload.keys(64).map(\.address)
        let kinds: [(String, () throws -> Void)] = [
            ("block by height", { _ = try sqlite.block(atHeight: UInt64.random(in: 1...UInt64(blockCount), using: &random)) }),
            ("block by hash", { _ = try sqlite.block(id: ids[Int.random(in: 0..<ids.count, using: &random)]) }),
            ("tx by id", { _ = try sqlite.transaction(id: txIds[Int.random(in: 0..<txIds.count, using: &random)]) }),
            ("account", { _ = try sqlite.account(keys[Int.random(in: 0..<keys.count, using: &random)]) }),
        ]
        for (name, read) in kinds {
            let readStart = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<reads { try read() }
            let rate = Double(reads) / (Double(DispatchTime.now().uptimeNanoseconds - readStart) / 1e9)
            report("B6", "reads/s, \(name)", rate, reference.read, target: 0.5)
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

    static func report(_ id: String, _ what: String, _ value: Double, _ reference: Double, target: Double) {
        let ratio = reference > 0 ? value / reference : 0
        print(#"{"id":"\#(id)","what":"\#(what)","value":\#(Int(value)),"reference":\#(Int(reference)),"ratio":\#(String(format: "%.2f", ratio)),"target":\#(target)}"#)
    }
}

import Foundation

/// folio-store-tool: the chain store's crash test (R1) and benchmarks (B5–B7; B8, syncing the
/// B7 chain from a loopback peer, SyncBench.swift; B15 for the gate's similarity queries,
/// SimilarityBench.swift).
/// Development tool only; nothing ships it.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "crash-child" where arguments.count == 3:
        try await CrashTest.child(database: arguments[1], blocksPath: arguments[2])
    case "crash-test":
        let numbers = arguments.dropFirst().compactMap { Int($0) }
        try await CrashTest.parent(
            kills: numbers.first ?? 100, blockCount: numbers.dropFirst().first ?? 40,
            perBlock: numbers.dropFirst(2).first ?? 20, seed: 0x5EED)
    case "bench" where arguments.count >= 2:
        let numbers = arguments.dropFirst(2).compactMap { Int($0) }
        try await Bench.run(blockCount: numbers.first ?? 200, perBlock: numbers.dropFirst().first ?? 50, referenceBinary: arguments[1])
    case "sync":
        let numbers = arguments.dropFirst().compactMap { Int($0) }
        try await SyncBench.run(blockCount: numbers.first ?? 200, perBlock: numbers.dropFirst().first ?? 50,
                                rounds: numbers.dropFirst(2).first ?? 5)
    case "similarity" where arguments.count >= 2:
        let numbers = arguments.dropFirst(2).compactMap { Int($0) }
        try SimilarityBench.run(database: arguments[1], codes: numbers.first ?? 1_000_000,
                                maxQueries: numbers.dropFirst().first ?? 1_000, secondsPerDistance: 60)
    default:
        throw ToolError.usage
    }
} catch {
    FileHandle.standardError.write(Data("folio-store-tool: \(error)\n".utf8))
    exit(1)
}

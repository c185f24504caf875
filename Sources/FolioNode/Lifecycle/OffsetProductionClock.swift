import FolioConsensus

/// The system clock moved by a fixed offset: `clock-offset` lets a testnet node run its clock
/// ahead or behind (BENCHMARKS.md R4) without touching the machine's time.
struct OffsetProductionClock: ProductionClock {
    let offsetMilliseconds: Int64
    let system = SystemProductionClock()

    func nowMilliseconds() -> Int64 { system.nowMilliseconds() + offsetMilliseconds }

    func sleep(milliseconds: Int64) async throws(ProductionError) {
        try await system.sleep(milliseconds: milliseconds)
    }
}

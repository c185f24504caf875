import FolioConsensus
import Synchronization

/// A virtual clock for producer tests: `sleep` moves time forward at once instead of waiting,
/// so delays are exact and tests take no wall time. Cancellation is still honoured.
public final class FakeEngineClock: ProductionClock {
    private let now: Mutex<Int64>
    private let slept: Mutex<[Int64]>

    /// A clock reading `startMilliseconds`.
    public init(startMilliseconds: Int64) {
        now = Mutex(startMilliseconds)
        slept = Mutex([])
    }

    /// The virtual time.
    public func nowMilliseconds() -> Int64 { now.withLock { $0 } }

    /// Every wait asked for so far, in order.
    public var sleeps: [Int64] { slept.withLock { $0 } }

    /// Sets the virtual time.
    public func set(milliseconds: Int64) { now.withLock { $0 = milliseconds } }

    /// Records the wait and advances the time by it (not below zero).
    public func sleep(milliseconds: Int64) async throws(ProductionError) {
        if Task.isCancelled { throw .cancelled }
        slept.withLock { $0.append(milliseconds) }
        now.withLock { $0 += max(milliseconds, 0) }
        await Task.yield()
        if Task.isCancelled { throw .cancelled }
    }
}

import Foundation

/// The wall clock, for producers in a running node (validation never reads it).
public struct SystemProductionClock: ProductionClock {
    /// A handle on the system clock.
    public init() {}

    /// Milliseconds since 1970 from the system clock.
    public func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Sleeps on the task clock; cancellation ends the wait early.
    public func sleep(milliseconds: Int64) async throws(ProductionError) {
        guard milliseconds > 0 else {
            if Task.isCancelled { throw .cancelled }
            return
        }
        do { try await Task.sleep(for: .milliseconds(milliseconds)) } catch { throw .cancelled }
    }
}

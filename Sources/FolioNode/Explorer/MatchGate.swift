import Dispatch
import Synchronization

/// Lets the explorer fingerprint one uploaded file at a time, off the cooperative pool.
///
/// `/match` is public and fingerprinting is CPU-bound (hundreds of milliseconds for a large
/// file). Run inline, a few concurrent uploads would hold every thread of Swift's cooperative
/// pool, where the node's block production, peer protocol and RPC also run, and stall them.
/// One at a time on a dispatch queue bounds the cost; a second upload meanwhile is told to
/// come back (503) rather than queued.
final class MatchGate: Sendable {
    private let busy = Atomic<Bool>(false)

    /// Runs `work` on a global dispatch queue if no other work is running, and returns its
    /// result; nil (running nothing) when another is in progress.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
        busy.store(false, ordering: .releasing)
        return result
    }

    /// Whether a run is in progress (for tests).
    var isBusy: Bool { busy.load(ordering: .acquiring) }
}

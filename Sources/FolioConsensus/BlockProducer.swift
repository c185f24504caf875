import FolioCore

/// What miners and authorities run: the engine's producing half, kept apart from verifying so
/// a node that only verifies holds no producing state or keys.
public protocol BlockProducer: Sendable {
    /// Seals `template`, a block whose header already carries height, parent, roots and a
    /// proposed timestamp; returns it with the engine's seal filled in (and the timestamp
    /// moved forward if the engine needs it later).
    ///
    /// Runs until sealed or until the calling task is cancelled — the chain cancels it when a
    /// new tip arrives or the node stops — and then throws `ProductionError.cancelled`.
    func produce(_ template: Block, parent: BlockHeader, chain: some ChainView) async throws(ProductionError) -> Block
}

/// Why a producer returned no block.
public enum ProductionError: Error, Sendable, Equatable {
    /// The task was cancelled (new tip or shutdown); not a failure.
    case cancelled
    /// This producer may not seal on that parent (not an authority, or signed too recently).
    case notPermitted(reason: String)
    /// The template does not fit its parent or the engine (named in the message).
    case invalidTemplate(String)
    /// The signing closure failed.
    case signingFailed(String)
}

/// Where producers read the time and wait; inject a controllable clock in tests.
public protocol ProductionClock: Sendable {
    /// Unix time in milliseconds.
    func nowMilliseconds() -> Int64
    /// Waits `milliseconds` (returning at once for zero or less); throws `.cancelled` if the
    /// task is cancelled meanwhile.
    func sleep(milliseconds: Int64) async throws(ProductionError)
}

extension ProductionClock {
    /// Unix time in whole seconds.
    public func nowSeconds() -> Int64 { nowMilliseconds() / 1000 }
}

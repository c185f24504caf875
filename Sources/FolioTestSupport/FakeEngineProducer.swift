import FolioConsensus
import FolioCore

/// A producer for tests: returns the template unchanged after an optional delay, or refuses
/// at one height. Cancelling the calling task ends the delay with `.cancelled`.
public struct FakeBlockProducer: BlockProducer {
    /// How long "sealing" takes, in milliseconds.
    public var delayMilliseconds: Int64
    /// Templates at this height are refused with `.notPermitted`; `nil` refuses none.
    public var failAtHeight: UInt64?
    /// The clock the delay runs on.
    public var clock: any ProductionClock

    /// A producer that waits `delayMilliseconds` on `clock` before returning the template.
    public init(delayMilliseconds: Int64 = 0, failAtHeight: UInt64? = nil,
                clock: any ProductionClock = SystemProductionClock()) {
        self.delayMilliseconds = delayMilliseconds
        self.failAtHeight = failAtHeight
        self.clock = clock
    }

    /// The template, after the delay.
    public func produce(_ template: Block, parent: BlockHeader, chain: some ChainView) async throws(ProductionError) -> Block {
        if template.header.height == failAtHeight { throw .notPermitted(reason: "fake failure") }
        try await clock.sleep(milliseconds: delayMilliseconds)
        if Task.isCancelled { throw .cancelled }
        return template
    }
}

import FolioAPI

/// Polls a node until a transaction has enough confirmations, for `folio tx wait`.
///
/// Sleep and progress are injected so tests can drive it without a clock or a terminal.
public struct TransactionWait: Sendable {
    /// Confirmations wanted (at least 1: included in a block).
    public let confirmations: UInt64
    /// Give up after this many seconds of polling.
    public let timeoutSeconds: Double
    /// Time between polls.
    public let interval: Duration

    /// A wait for `confirmations` within `timeoutSeconds`, polling every `interval`.
    public init(confirmations: UInt64, timeoutSeconds: Double, interval: Duration = .milliseconds(500)) {
        self.confirmations = max(confirmations, 1)
        self.timeoutSeconds = timeoutSeconds
        self.interval = interval
    }

    /// Polls `fetch` until the summary shows enough confirmations; `progress` hears each poll.
    /// A transaction the node stops knowing (the producer dropped it) ends the wait with the
    /// node's reason, exit 1; running out of time is exit 1 too, with what was last seen.
    public func run(
        id: String, fetch: @Sendable () async throws(WalletError) -> TransactionSummary,
        progress: (TransactionSummary) -> Void = { _ in }
    ) async throws(WalletError) -> TransactionSummary {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeoutSeconds * 1000))
        var last: TransactionSummary?
        while true {
            let summary: TransactionSummary
            do { summary = try await fetch() } catch where error.code == "not-found" && last != nil {
                throw WalletError(code: "tx-dropped", exit: .refused, message: """
                    transaction \(id) was pending but the node no longer holds it: \(error.message) \
                    Check the reason, fix it and send again.
                    """)
            }
            last = summary
            progress(summary)
            if (summary.confirmations ?? (summary.height == nil ? 0 : 1)) >= confirmations { return summary }
            guard ContinuousClock.now < deadline else {
                let seen = summary.height.map { "included at height \($0) with \(summary.confirmations ?? 1) confirmation(s)" } ?? "still pending"
                throw WalletError(code: "wait-timeout", exit: .refused, message: """
                    gave up after \(Int(timeoutSeconds)) s: transaction \(id) is \(seen), short of \(confirmations). \
                    Run `folio tx wait \(id)` again, or raise --timeout.
                    """)
            }
            do { try await Task.sleep(for: interval) } catch {
                throw WalletError(code: "wait-cancelled", exit: .refused, message: "the wait for \(id) was cancelled.")
            }
        }
    }
}

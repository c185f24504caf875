import Foundation

/// Where a scenario's licensing story stands: the one template publication, then for each
/// licence the steps register → offer → accept → report… → done, one transaction at a time,
/// the next sent only once the last is in a block. Pure state; `LoadGenerator` sends.
struct LicensingStory: Sendable {
    /// A licence's next step.
    enum Step: Equatable, Sendable {
        /// Register a work owned by the licensor.
        case register
        /// Offer a licence on it under the published template.
        case offer
        /// Accept the offer as the licensee.
        case accept
        /// Send the report at this index of `counts`.
        case report(Int)
        /// Nothing left to send (or given up after a stall).
        case done
    }

    /// One licence in progress.
    struct Thread: Sendable {
        /// What to send next (once `pending` is in a block).
        var step: Step = .register
        /// The last transaction sent, until a node shows it in a block.
        var pending: String?
        /// When `pending` was sent.
        var sentAt = Date.distantPast
        /// When `pending` was last looked up.
        var polledAt = Date.distantPast
        /// The registered work (hex).
        var work: String?
        /// The offer (hex).
        var offer: String?
        /// The licence, once the acceptance was admitted (hex).
        var licence: String?
        /// Stream counts to report, in order, all for the same month.
        let counts: [UInt64]

        /// Creates a thread that will report `counts`.
        init(counts: [UInt64]) { self.counts = counts }

        /// The pending transaction is in a block: move to the step after it.
        mutating func included() {
            pending = nil
            step = LicensingStory.step(after: step, reports: counts.count)
        }
    }

    /// The publication transaction, once a node admitted it.
    var templateTransaction: String?
    /// When the publication was last looked up.
    var templatePolledAt = Date.distantPast
    /// Whether the template is in a block.
    var templatePublished = false
    /// Licences in progress or done.
    var threads: [Thread] = []
    /// Threads given up because a transaction stayed out of blocks too long.
    var stalled = 0
    /// What was sent, for the `licences-final` check.
    var ledger: LicensingLedger

    /// The step after `step` is in a block, for a licence reporting `reports` times. Sending
    /// (and admission) leaves the step as it is; only inclusion moves it on.
    static func step(after step: Step, reports: Int) -> Step {
        switch step {
        case .register: return .offer
        case .offer: return .accept
        case .accept: return reports > 0 ? .report(0) : .done
        case let .report(index): return index + 1 < reports ? .report(index + 1) : .done
        case .done: return .done
        }
    }
}

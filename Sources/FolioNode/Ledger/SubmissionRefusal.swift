import FolioChain
import FolioMempool

/// Why a transaction was not admitted: a stable code (`folio explain CODE` knows it) and a
/// sentence saying what to do.
public struct SubmissionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable reason code, for example `nonce-used` or `near-duplicate`.
    public let code: String
    /// What happened and what to do next.
    public let detail: String

    /// A refusal by the mempool's policy.
    init(_ rejection: MempoolRejection) {
        code = rejection.reason
        switch rejection {
        case .feeBelowMinimum: detail = "the fee is under this node's minimum; raise --fee"
        case .nonceUsed: detail = "the nonce was used already; ask account_get for the next nonce"
        case .nonceGapTooLarge: detail = "the nonce is too far ahead of the account's next nonce; send the missing ones first"
        case .insufficientBalance: detail = "the account cannot pay this together with its pending transactions"
        case .replacementFeeTooLow: detail = "a transaction with this nonce is pending; a replacement must pay a higher fee"
        case .alreadyKnown: detail = "the node already holds this transaction"
        case .poolFull: detail = "the mempool is full of transactions paying more per byte; raise the fee"
        default: detail = "refused by the mempool (\(rejection.reason))"
        }
    }

    /// A consensus rule the transaction breaks at the tip.
    init(_ rejection: ChainRejection) {
        code = rejection.reason
        detail = rejection.description
    }

    public var description: String { "\(code): \(detail)" }
}

import FolioChain
import FolioCore

/// FolioMempool owns pending transactions and this node's admission policy. Policy is local,
/// never consensus: another node may hold different transactions and stay in agreement.

/// The local rules a transaction must meet to wait in the pool.
public struct MempoolPolicy: Sendable, Equatable {
    /// Default cap on pending transactions held.
    public static let defaultCapacity = 50_000

    /// The lowest fee accepted.
    public var minimumFee: Amount
    /// How far past the account's next nonce a transaction may wait.
    public var maxNonceGap: UInt64
    /// Most transactions held; when full, the lowest fee rate is evicted for a better one.
    public var capacity: Int
    /// Seconds a transaction may wait before it is dropped.
    public var maxAgeSeconds: Int64

    /// Creates a policy.
    public init(minimumFee: Amount = Amount(baseUnits: 1), maxNonceGap: UInt64 = 16,
                capacity: Int = MempoolPolicy.defaultCapacity, maxAgeSeconds: Int64 = 3 * 3600) {
        self.minimumFee = minimumFee
        self.maxNonceGap = maxNonceGap
        self.capacity = capacity
        self.maxAgeSeconds = maxAgeSeconds
    }
}

/// Why the pool refused or dropped a transaction; `reason` is a stable code.
public struct MempoolRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable reason code.
    public let reason: String

    /// Creates a rejection.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }

    /// The fee is under the policy minimum.
    public static let feeBelowMinimum = MempoolRejection("fee-below-minimum")
    /// The nonce was used already.
    public static let nonceUsed = MempoolRejection("nonce-used")
    /// The nonce is too far past the account's next one.
    public static let nonceGapTooLarge = MempoolRejection("nonce-gap-too-large")
    /// The sender cannot pay this and its earlier pending transactions.
    public static let insufficientBalance = MempoolRejection("insufficient-balance")
    /// A same-nonce transaction is waiting and this one does not pay a higher fee.
    public static let replacementFeeTooLow = MempoolRejection("replacement-fee-too-low")
    /// The pool holds this transaction already.
    public static let alreadyKnown = MempoolRejection("already-known")
    /// The pool is full of transactions paying at least this fee rate.
    public static let poolFull = MempoolRejection("mempool-full")
    /// Evicted for a transaction paying a higher fee rate.
    public static let evicted = MempoolRejection("evicted")
    /// Waited longer than the policy allows.
    public static let expired = MempoolRejection("expired")

    /// A consensus rule the transaction breaks on its own (signature, chain id, shares).
    public static func invalid(_ rejection: ChainRejection) -> MempoolRejection {
        MempoolRejection("invalid:" + rejection.reason)
    }
}

/// A transaction waiting in the pool.
struct PoolEntry: Sendable {
    let transaction: Transaction
    let id: Hash256
    let size: Int
    let added: Int64

    /// What the sender pays up front: the fee plus any amount or payment the payload moves.
    var cost: UInt64 {
        var total = transaction.fee.baseUnits
        switch transaction.payload {
        case let .transfer(transfer): total = total.addingReportingOverflow(transfer.amount.baseUnits).partialValue
        case let .acceptLicence(accept): total = total.addingReportingOverflow(accept.payment.baseUnits).partialValue
        case let .reportUsage(report): total = total.addingReportingOverflow(report.payment.baseUnits).partialValue
        default: break
        }
        return total
    }

    /// Whether this entry pays a lower fee per byte than `other` (cross-multiplied, exact).
    func paysLessPerByte(than other: PoolEntry) -> Bool {
        let mine = transaction.fee.baseUnits.multipliedFullWidth(by: UInt64(other.size))
        let theirs = other.transaction.fee.baseUnits.multipliedFullWidth(by: UInt64(size))
        return mine.high != theirs.high ? mine.high < theirs.high : mine.low < theirs.low
    }
}

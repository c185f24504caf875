import FolioConsensus
import FolioCore
import FolioStore

/// FolioChain owns the ledger: block acceptance in stages (sanity → context → connect), the
/// state transition, fork choice and reorgs with undo data, and the state root. It reaches the
/// consensus engine only through `ConsensusEngine` and licence terms only through
/// `LicenceEngine`, and never names proof of work or proof of authority.

/// Why the chain refused a block or a transaction: the `ValidationError` (stable reason code
/// and fault owner), the transaction at fault if one is, and for the near-duplicate gate the
/// earlier work the registration copies.
public struct ChainRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule broken and whose fault it is.
    public let error: ValidationError
    /// The failing transaction's id, when a single transaction broke the rule.
    public let transactionId: Hash256?
    /// For `near-duplicate`: the registered work the new one is too close to.
    public let earlierWork: WorkId?

    /// Creates a rejection.
    public init(_ error: ValidationError, transactionId: Hash256? = nil, earlierWork: WorkId? = nil) {
        self.error = error
        self.transactionId = transactionId
        self.earlierWork = earlierWork
    }

    /// A peer-fault rejection with `reason`.
    static func peer(_ reason: String, transaction: Hash256? = nil, earlierWork: WorkId? = nil) -> ChainRejection {
        ChainRejection(ValidationError(reason: reason, owner: .peer), transactionId: transaction, earlierWork: earlierWork)
    }

    /// A failure of this node's store: not the peer's fault.
    static func local(_ error: StoreError) -> ChainRejection {
        ChainRejection(ValidationError(reason: ChainReason.storeFailure, owner: .local))
    }

    /// The reason code.
    public var reason: String { error.reason }

    public var description: String {
        var text = error.description
        if let transactionId { text += " in transaction \(transactionId)" }
        if let earlierWork { text += "; earlier work \(earlierWork)" }
        return text
    }
}

/// The chain's stable reason codes (consensus codes live in `ValidationError.Reason`).
public enum ChainReason {
    /// The block's canonical bytes exceed the chain's limit.
    public static let blockTooLarge = "block-too-large"
    /// The block has more transactions than the chain allows.
    public static let tooManyTransactions = "too-many-transactions"
    /// The header's Merkle root is not the root of the transaction ids.
    public static let badMerkleRoot = "bad-merkle-root"
    /// The header's state root is not the root after applying the block.
    public static let badStateRoot = "bad-state-root"
    /// The block lists one transaction twice.
    public static let duplicateTransaction = "duplicate-transaction"
    /// A transaction is signed for another chain.
    public static let wrongChainId = "wrong-chain-id"
    /// A transaction's signature does not verify.
    public static let badSignature = "bad-signature"
    /// A transaction's nonce is not its sender's next nonce.
    public static let badNonce = "bad-nonce"
    /// The sender cannot pay the fee and amounts.
    public static let insufficientBalance = "insufficient-balance"
    /// A credit would overflow a balance.
    public static let balanceOverflow = "balance-overflow"
    /// An owner list does not split the work exactly.
    public static let badShares = "bad-shares"
    /// The fingerprint was computed by a model the chain does not use.
    public static let wrongFingerprintModel = "wrong-fingerprint-model"
    /// A declared parent work is not registered.
    public static let unknownParentWork = "unknown-parent-work"
    /// Within the duplicate distance of someone else's work, and not a licensed derivative.
    public static let nearDuplicate = "near-duplicate"
    /// The work named is not registered.
    public static let unknownWork = "unknown-work"
    /// The sender holds less of the work than it moves or is not an owner.
    public static let insufficientShare = "insufficient-share"
    /// The transfer would leave the work with more owners than allowed.
    public static let tooManyOwners = "too-many-owners"
    /// The template is already published.
    public static let duplicateTemplate = "duplicate-template"
    /// The template named is not published.
    public static let unknownTemplate = "unknown-template"
    /// The sender does not own the work it offers.
    public static let notAnOwner = "not-an-owner"
    /// The offer named does not exist.
    public static let unknownOffer = "unknown-offer"
    /// The offer was revoked.
    public static let offerRevoked = "offer-revoked"
    /// Only the offerer may revoke an offer.
    public static let notOfferer = "not-offerer"
    /// The licence named does not exist.
    public static let unknownLicence = "unknown-licence"
    /// Only the licensee reports usage.
    public static let notLicensee = "not-licensee"
    /// The licence is not active.
    public static let licenceNotActive = "licence-not-active"
    /// A usage period does not end after it starts.
    public static let badPeriod = "bad-period"
    /// The payment does not cover what the terms require.
    public static let paymentBelowDue = "payment-below-due"
    /// The licence terms refused (template, offer, acceptance or usage).
    public static let licenceRefused = "licence-refused"
    /// Authority votes mean nothing on this chain's engine.
    public static let voteNotAllowed = "authority-vote-not-allowed"
    /// The block was seen before and failed.
    public static let knownInvalid = "known-invalid"
    /// The block descends from a block that failed.
    public static let invalidAncestor = "invalid-ancestor"
    /// This node's store failed; not the peer's fault.
    public static let storeFailure = "store-failure"
}

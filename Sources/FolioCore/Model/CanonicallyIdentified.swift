import FolioCrypto

/// How a type turns its canonical bytes into its id.
public enum IdDigest: Sendable {
    /// One SHA-256 over the canonical bytes: the rule for everything but block headers.
    case sha256
    /// SHA-256 applied twice, so a miner's per-nonce work is two compressions of fixed size.
    case doubleSHA256
}

/// A value whose id is a hash of its canonical bytes.
///
/// This is the one place the rule lives: **an id is SHA-256 of the canonical bytes** (block
/// headers alone use double SHA-256). Transactions, published templates and block headers
/// conform. Ids that name the transaction that created something (work, offer, licence) are
/// that transaction's id; see `docs/protocol.md`, section "Ids".
public protocol CanonicallyIdentified: CanonicalEncodable {
    /// The digest applied to the canonical bytes; `.sha256` unless a type says otherwise.
    static var idDigest: IdDigest { get }
}

extension CanonicallyIdentified {
    /// SHA-256 by default.
    public static var idDigest: IdDigest { .sha256 }

    /// The hash of `canonicalBytes` under `idDigest`.
    public var id: Hash256 {
        switch Self.idDigest {
        case .sha256: return SHA256.hash(canonicalBytes)
        case .doubleSHA256: return SHA256.doubleHash(canonicalBytes)
        }
    }
}

/// Names a registered work: the id of its `registerWork` transaction.
public typealias WorkId = Hash256
/// Names a published template: SHA-256 of its `PublishTemplate` payload (content-addressed).
public typealias TemplateId = Hash256
/// Names an offer: the id of its `offerLicence` transaction.
public typealias OfferId = Hash256
/// Names a licence: the id of the `acceptLicence` transaction that created it.
public typealias LicenceId = Hash256
/// Names a fingerprint model: SHA-256 of the model file.
public typealias ModelId = Hash256

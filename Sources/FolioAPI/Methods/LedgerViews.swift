/// Parameters naming one object by its id (64 hex digits).
public struct IdQuery: Codable, Hashable, Sendable {
    /// The id, 64 hex digits.
    public var id: String

    /// Creates a query.
    public init(id: String) { self.id = id }
}

/// `tx_send`'s parameters.
public struct TxSendParams: Codable, Hashable, Sendable {
    /// The signed transaction's canonical bytes, in hex.
    public var transaction: String

    /// Creates the parameters.
    public init(transaction: String) { self.transaction = transaction }
}

/// `tx_send`'s result.
public struct TxSendResult: Codable, Hashable, Sendable {
    /// The accepted transaction's id (hex).
    public var id: String

    /// Creates the result.
    public init(id: String) { self.id = id }
}

/// A transaction as the API shows it.
public struct TransactionSummary: Codable, Hashable, Sendable {
    /// The transaction id (hex).
    public var id: String
    /// The sender's address.
    public var sender: String
    /// The sender's nonce.
    public var nonce: UInt64
    /// The fee in base units.
    public var fee: String
    /// The payload kind (`transfer`, `registerWork`, …).
    public var kind: String
    /// The including block (hex), or `nil` while pending.
    public var block: String?
    /// The including block's height, or `nil` while pending.
    public var height: UInt64?
    /// Blocks on top of and including the including block; 0 while pending.
    public var confirmations: UInt64?
    /// One line saying what the transaction does.
    public var summary: String?

    /// Creates a summary.
    public init(
        id: String, sender: String, nonce: UInt64, fee: String, kind: String, block: String?, height: UInt64?,
        confirmations: UInt64? = nil, summary: String? = nil
    ) {
        self.id = id
        self.sender = sender
        self.nonce = nonce
        self.fee = fee
        self.kind = kind
        self.block = block
        self.height = height
        self.confirmations = confirmations
        self.summary = summary
    }
}

/// One owner of a work and the share it holds.
public struct OwnerShare: Codable, Hashable, Sendable {
    /// The owner (bech32m).
    public var address: String
    /// Its share, in the ledger's share units.
    public var share: UInt64

    /// Creates an entry.
    public init(address: String, share: UInt64) {
        self.address = address
        self.share = share
    }
}

/// A registered work as the API shows it.
public struct WorkSummary: Codable, Hashable, Sendable {
    /// The work id (hex).
    public var id: String
    /// Who registered it.
    public var registrant: String
    /// Current owners and their shares in parts per 100,000,000.
    public var owners: [OwnerShare]
    /// The 256-bit fingerprint (hex).
    public var fingerprint: String
    /// Registration height.
    public var height: UInt64
    /// Title as registered.
    public var title: String?
    /// Media type name (`audio`, `image`, `text`).
    public var mediaType: String?
    /// SHA-256 of the content (hex).
    public var contentHash: String?
    /// The fingerprint model id (hex).
    public var modelId: String?
    /// Registration block time (unix seconds).
    public var time: Int64?
    /// Declared parent works (hex ids).
    public var parents: [String]?
    /// Works linked as similar at registration or later, nearest first.
    public var similar: [SimilarWork]?
    /// Licence offers on the work.
    public var offers: [OfferSummary]?
    /// Licences granted on the work.
    public var licences: [LicenceSummary]?

    /// Creates a summary.
    public init(
        id: String, registrant: String, owners: [OwnerShare], fingerprint: String, height: UInt64,
        title: String? = nil, mediaType: String? = nil, contentHash: String? = nil, modelId: String? = nil,
        time: Int64? = nil, parents: [String]? = nil, similar: [SimilarWork]? = nil,
        offers: [OfferSummary]? = nil, licences: [LicenceSummary]? = nil
    ) {
        self.id = id
        self.registrant = registrant
        self.owners = owners
        self.fingerprint = fingerprint
        self.height = height
        self.title = title
        self.mediaType = mediaType
        self.contentHash = contentHash
        self.modelId = modelId
        self.time = time
        self.parents = parents
        self.similar = similar
        self.offers = offers
        self.licences = licences
    }
}

/// `work_similar`'s parameters.
public struct WorkSimilarParams: Codable, Hashable, Sendable {
    /// The fingerprint to compare, 64 hex digits.
    public var fingerprint: String
    /// At most this many matches (1…100; 10 when absent).
    public var limit: Int?

    /// Creates the parameters.
    public init(fingerprint: String, limit: Int? = nil) {
        self.fingerprint = fingerprint
        self.limit = limit
    }
}

/// A registered work near a queried fingerprint.
public struct SimilarWork: Codable, Hashable, Sendable {
    /// The work id (hex).
    public var id: String
    /// Hamming distance in bits (0…256).
    public var distance: Int

    /// Creates a match.
    public init(id: String, distance: Int) {
        self.id = id
        self.distance = distance
    }
}

/// A licence offer as the API shows it.
public struct OfferSummary: Codable, Hashable, Sendable {
    /// The offer id (hex).
    public var id: String
    /// The offered work's id (hex).
    public var work: String
    /// Who made the offer (bech32m).
    public var offerer: String
    /// Height of the offering block.
    public var height: UInt64
    /// Whether the offer has been revoked.
    public var revoked: Bool
    /// The template the offer is made under (hex); absent from nodes that predate it.
    public var templateId: String?
    /// The offer's template arguments; absent from nodes that predate them.
    public var parameters: [OfferParameterSummary]?

    /// Creates a summary.
    public init(id: String, work: String, offerer: String, height: UInt64, revoked: Bool,
                templateId: String? = nil, parameters: [OfferParameterSummary]? = nil) {
        self.id = id
        self.work = work
        self.offerer = offerer
        self.height = height
        self.revoked = revoked
        self.templateId = templateId
        self.parameters = parameters
    }
}

/// A granted licence as the API shows it.
public struct LicenceSummary: Codable, Hashable, Sendable {
    /// The licence id (hex).
    public var id: String
    /// The offer it was granted under (hex).
    public var offer: String
    /// The licensed work (hex).
    public var work: String
    /// The licensee (bech32m).
    public var licensee: String
    /// `active`, `suspended`, `terminated` or `expired`.
    public var state: String
    /// Total paid so far in base units, as a decimal string.
    public var totalPaid: String

    /// Creates a summary.
    public init(id: String, offer: String, work: String, licensee: String, state: String, totalPaid: String) {
        self.id = id
        self.offer = offer
        self.work = work
        self.licensee = licensee
        self.state = state
        self.totalPaid = totalPaid
    }
}

/// `chain_info`'s result.
public struct ChainInfoResult: Codable, Hashable, Sendable {
    /// The chain id from the genesis file.
    public var chainId: UInt32
    /// `main` or `test`.
    public var network: String
    /// The consensus engine: `pow` or `poa`.
    public var engine: String
    /// The genesis block id (hex), which names the chain.
    public var genesisId: String
    /// Height of the best block this node has validated.
    public var height: UInt64
    /// Id of that block (hex).
    public var bestBlockId: String
    /// That block's timestamp, unix seconds.
    public var bestBlockTime: Int64
    /// Whether the node is caught up.
    public var sync: SyncStatus
    /// The near-duplicate gate's duplicate distance in bits (genesis `fingerprint.duplicateDistance`);
    /// absent from nodes that do not report it.
    public var duplicateDistance: Int?
    /// The distance in bits at or under which works count as similar (genesis
    /// `fingerprint.similarityDistance`); absent from nodes that do not report it.
    public var similarityDistance: Int?

    /// Creates the result.
    public init(
        chainId: UInt32, network: String, engine: String, genesisId: String, height: UInt64,
        bestBlockId: String, bestBlockTime: Int64, sync: SyncStatus,
        duplicateDistance: Int? = nil, similarityDistance: Int? = nil
    ) {
        self.chainId = chainId
        self.network = network
        self.engine = engine
        self.genesisId = genesisId
        self.height = height
        self.bestBlockId = bestBlockId
        self.bestBlockTime = bestBlockTime
        self.sync = sync
        self.duplicateDistance = duplicateDistance
        self.similarityDistance = similarityDistance
    }
}

/// Where the node stands relative to its peers.
public struct SyncStatus: Codable, Hashable, Sendable {
    /// The four states; the node never reports `synced` without a peer to compare with.
    public enum State: String, Codable, Hashable, Sendable {
        /// No peer is connected, so the node cannot know whether it is behind.
        case noPeers
        /// Downloading and validating blocks peers have announced.
        case syncing
        /// The best validated height equals the best height any peer announced.
        case synced
        /// Behind a peer, but no block has been validated for a while.
        case stalled
        /// A single-node chain this node produces itself (dev mode): nothing to sync from.
        case standalone
    }

    /// The state.
    public var state: State
    /// Height of the best validated block.
    public var validatedHeight: UInt64
    /// Highest height any peer has announced (the validated height when no peer has).
    public var knownHeight: UInt64
    /// Blocks validated per second over the last interval, while syncing.
    public var blocksPerSecond: Double?
    /// Estimated seconds until synced, while syncing.
    public var etaSeconds: Int?
    /// Connected peers.
    public var peers: Int

    /// Creates a status.
    public init(
        state: State, validatedHeight: UInt64, knownHeight: UInt64, blocksPerSecond: Double? = nil,
        etaSeconds: Int? = nil, peers: Int
    ) {
        self.state = state
        self.validatedHeight = validatedHeight
        self.knownHeight = knownHeight
        self.blocksPerSecond = blocksPerSecond
        self.etaSeconds = etaSeconds
        self.peers = peers
    }
}

/// `chain_block`'s parameters: exactly one of `id` and `height`.
public struct BlockQuery: Codable, Hashable, Sendable {
    /// The block id, 64 hex digits.
    public var id: String?
    /// A height on the best chain.
    public var height: UInt64?

    /// Creates a query.
    public init(id: String? = nil, height: UInt64? = nil) {
        self.id = id
        self.height = height
    }
}

/// A block as the API shows it.
public struct BlockSummary: Codable, Hashable, Sendable {
    /// The block id (hex).
    public var id: String
    /// Its height.
    public var height: UInt64
    /// The parent's id (hex; all zeros at genesis).
    public var parent: String
    /// Unix seconds.
    public var timestamp: Int64
    /// Merkle root of the transaction ids (hex).
    public var merkleRoot: String
    /// State commitment (hex).
    public var stateRoot: String
    /// `pow` or `poa`.
    public var engine: String
    /// The PoA authority's public key (hex), for PoA blocks.
    public var authority: String?
    /// The compact target (8 hex digits), for PoW blocks.
    public var bits: String?
    /// The transaction ids (hex), in block order.
    public var transactions: [String]
    /// Canonical size in bytes.
    public var sizeBytes: Int

    /// Creates a summary.
    public init(
        id: String, height: UInt64, parent: String, timestamp: Int64, merkleRoot: String, stateRoot: String,
        engine: String, authority: String?, bits: String?, transactions: [String], sizeBytes: Int
    ) {
        self.id = id
        self.height = height
        self.parent = parent
        self.timestamp = timestamp
        self.merkleRoot = merkleRoot
        self.stateRoot = stateRoot
        self.engine = engine
        self.authority = authority
        self.bits = bits
        self.transactions = transactions
        self.sizeBytes = sizeBytes
    }
}

/// A connected peer.
public struct PeerSummary: Codable, Hashable, Sendable {
    /// `host:port`.
    public var address: String
    /// `inbound` or `outbound`.
    public var direction: String
    /// The best height the peer announced.
    public var height: UInt64

    /// Creates a summary.
    public init(address: String, direction: String, height: UInt64) {
        self.address = address
        self.direction = direction
        self.height = height
    }
}

/// `account_get`'s parameters.
public struct AccountQuery: Codable, Hashable, Sendable {
    /// The address as bech32m text (`tfolio1…` on test networks).
    public var address: String

    /// Creates a query.
    public init(address: String) { self.address = address }
}

/// An account. Amounts are decimal strings of base units, so no JSON reader rounds them.
public struct AccountSummary: Codable, Hashable, Sendable {
    /// The address.
    public var address: String
    /// Confirmed balance in base units.
    public var balance: String
    /// The next nonce on the chain (confirmed transactions only).
    public var nonce: UInt64
    /// The next nonce counting this node's pending transactions from the account: what a
    /// wallet should sign with next. Absent from nodes that do not report it.
    public var pendingNonce: UInt64?

    /// Creates a summary.
    public init(address: String, balance: String, nonce: UInt64, pendingNonce: UInt64? = nil) {
        self.address = address
        self.balance = balance
        self.nonce = nonce
        self.pendingNonce = pendingNonce
    }
}

/// The genesis file's JSON shape, field for field. Numbers stay numbers and keys, hashes and
/// target bits stay text here; `ChainParams(genesisFile:)` turns them into typed values.
struct GenesisFile: Codable, Equatable {
    /// Wider than the parameter so an out-of-range value is reported with its path.
    var chainId: UInt64
    var network: String
    var timestamp: Int64
    var engine: String
    var pow: ProofOfWork?
    var poa: ProofOfAuthority?
    var blockReward: UInt64
    /// Address text → opening balance in base units.
    var prefunded: [String: UInt64]
    var fingerprint: Thresholds
    var modelId: String
    var maxBlockBytes: Int
    var maxTransactionsPerBlock: Int

    struct ProofOfWork: Codable, Equatable {
        var targetSpacingSeconds: UInt64
        var halfLifeSeconds: UInt64
        /// Eight hex digits, most significant first, as block explorers print compact bits.
        var initialBits: String
    }

    struct ProofOfAuthority: Codable, Equatable {
        /// Ed25519 public keys, 64 hex digits each.
        var authorities: [String]
        var periodSeconds: UInt64
    }

    struct Thresholds: Codable, Equatable {
        var duplicateDistance: Int
        var similarityDistance: Int
    }
}

extension GenesisFile {
    /// The field names each level of the file allows; anything else is `unknownField`.
    static let topLevelFields: Set<String> = [
        "chainId", "network", "timestamp", "engine", "pow", "poa", "blockReward", "prefunded",
        "fingerprint", "modelId", "maxBlockBytes", "maxTransactionsPerBlock",
    ]
    static let sectionFields: [String: Set<String>] = [
        "pow": ["targetSpacingSeconds", "halfLifeSeconds", "initialBits"],
        "poa": ["authorities", "periodSeconds"],
        "fingerprint": ["duplicateDistance", "similarityDistance"],
    ]
}

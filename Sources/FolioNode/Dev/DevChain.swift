import FolioCore
import FolioCrypto
import FolioFingerprint

/// The single-node development chain `foliod` runs by default: proof of authority with one
/// deterministic authority, a 1-second period and ten prefunded accounts. Every key derives
/// from a published seed (`docs/node.md`), so the keys are public: never use them elsewhere.
public enum DevChain {
    /// The published seed phrase every dev key derives from.
    public static let seedPhrase = "folio development seed: public, never use on a real network"
    /// The dev chain's id.
    public static let chainId: UInt32 = 1337
    /// Each dev account's opening balance, in base units.
    public static let prefundBaseUnits: UInt64 = 1_000_000_000_000_000
    /// Number of prefunded accounts.
    public static let accountCount = 10
    /// The near-duplicate gate's thresholds for the shipped model, as in testnet/genesis-*.json:
    /// duplicate at or under 12 bits, similar at or under 59, measured on held-out data
    /// (docs/fingerprint.md, "Thresholds", scripts/fingerprint-thresholds.sh).
    public static let fingerprintThresholds = FingerprintThresholds(duplicateDistance: 12, similarityDistance: 59)

    /// A dev key: SHA-256 of `"<seedPhrase>/<label>"` is its Ed25519 seed.
    public static func key(label: String) throws(CryptoError) -> PrivateKey {
        try PrivateKey(seed: SHA256.hash(Array("\(seedPhrase)/\(label)".utf8)).bytes)
    }

    /// The authority that seals every dev block (label `authority`).
    public static func authority() throws(CryptoError) -> PrivateKey { try key(label: "authority") }

    /// Prefunded account `index` (label `account/<index>`).
    public static func account(_ index: Int) throws(CryptoError) -> PrivateKey { try key(label: "account/\(index)") }

    /// The dev chain's parameters.
    public static func params() throws(NodeStartError) -> ChainParams {
        do {
            let accounts = try (0..<accountCount).map { index throws(CryptoError) in try account(index) }
            return try ChainParams(
                chainId: chainId, network: .test, genesisTimestamp: 1_767_225_600,
                consensus: .proofOfAuthority(ProofOfAuthorityParams(authorities: [try authority().publicKey], periodSeconds: 1)),
                blockReward: .zero,
                prefunded: accounts.map { GenesisAllocation(address: Address(publicKey: $0.publicKey), amount: Amount(baseUnits: prefundBaseUnits)) },
                fingerprint: fingerprintThresholds,
                modelId: Hash256(hex: FingerprintModel.shippedIDHex) ?? .zero,
                maxBlockBytes: 2_097_152, maxTransactionsPerBlock: 10_000)
        } catch let error as GenesisError {
            throw .genesis(error.description)
        } catch {
            throw .genesis("the dev keys could not be derived: \(error)")
        }
    }
}

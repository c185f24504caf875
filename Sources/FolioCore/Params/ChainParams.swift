import FolioCrypto

/// Everything a node must agree on before block 1: which chain, which engine, the money
/// supply at genesis and the consensus limits. Built only through validation, so every
/// `ChainParams` value is a usable one; load it from a genesis file with
/// `ChainParams(genesisJSON:)`.
public struct ChainParams: Hashable, Sendable {
    /// Distinguishes this chain from every other; signed into each transaction and header.
    public let chainId: UInt32
    /// Main or test network: picks the address prefix.
    public let network: NetworkKind
    /// The genesis block's time, unix seconds.
    public let genesisTimestamp: Int64
    /// The engine and its parameters.
    public let consensus: ConsensusParams
    /// Paid to each block's producer, before fees.
    public let blockReward: Amount
    /// Accounts funded at genesis, sorted by address, each address once.
    public let prefunded: [GenesisAllocation]
    /// The near-duplicate gate's thresholds.
    public let fingerprint: FingerprintThresholds
    /// The fingerprint model registrations must use.
    public let modelId: ModelId
    /// Largest block, in canonical bytes (at most `Limits.blockBytes`).
    public let maxBlockBytes: Int
    /// Most transactions in a block (at most `Limits.transactionsPerBlock`).
    public let maxTransactionsPerBlock: Int

    /// Validates and assembles chain parameters. Prefunded accounts are sorted by address;
    /// an address listed twice is refused.
    public init(
        chainId: UInt32, network: NetworkKind, genesisTimestamp: Int64, consensus: ConsensusParams,
        blockReward: Amount, prefunded: [GenesisAllocation], fingerprint: FingerprintThresholds,
        modelId: ModelId, maxBlockBytes: Int, maxTransactionsPerBlock: Int
    ) throws(GenesisError) {
        try ChainParams.check(consensus)
        try fingerprint.validate()
        try ChainParams.check("maxBlockBytes", maxBlockBytes, in: 1024...Limits.blockBytes)
        try ChainParams.check("maxTransactionsPerBlock", maxTransactionsPerBlock, in: 1...Limits.transactionsPerBlock)
        try ChainParams.check("genesisTimestamp", genesisTimestamp, in: 0...Int64(UInt32.max))
        guard prefunded.count <= Limits.genesisAllocations else {
            throw .tooMany(path: "prefunded", count: prefunded.count, cap: Limits.genesisAllocations)
        }
        let sorted = prefunded.sorted { $0.address < $1.address }
        var total = Amount.zero
        for (index, allocation) in sorted.enumerated() {
            if index > 0, sorted[index - 1].address == allocation.address {
                throw .badAddress(path: "prefunded", reason: "an address is listed twice")
            }
            do { total = try total.adding(allocation.amount) } catch { throw .prefundTotalOverflow }
        }
        self.chainId = chainId
        self.network = network
        self.genesisTimestamp = genesisTimestamp
        self.consensus = consensus
        self.blockReward = blockReward
        self.prefunded = sorted
        self.fingerprint = fingerprint
        self.modelId = modelId
        self.maxBlockBytes = maxBlockBytes
        self.maxTransactionsPerBlock = maxTransactionsPerBlock
    }

    private static func check(_ consensus: ConsensusParams) throws(GenesisError) {
        switch consensus {
        case let .proofOfWork(pow):
            try check("pow.targetSpacingSeconds", Int64(pow.targetSpacingSeconds), in: 1...86_400)
            try check("pow.halfLifeSeconds", Int64(pow.halfLifeSeconds), in: 1...Int64(UInt32.max))
            guard CompactTarget.isValid(pow.initialBits) else {
                throw .invalidCompactBits(path: "pow.initialBits", bits: pow.initialBits)
            }
        case let .proofOfAuthority(poa):
            guard !poa.authorities.isEmpty else { throw .missingAuthorities }
            guard poa.authorities.count <= Limits.genesisAuthorities else {
                throw .tooMany(path: "poa.authorities", count: poa.authorities.count, cap: Limits.genesisAuthorities)
            }
            var seen = Set<PublicKey>()
            for (index, key) in poa.authorities.enumerated() where !seen.insert(key).inserted {
                throw .duplicateAuthority(path: "poa.authorities[\(index)]")
            }
            try check("poa.periodSeconds", Int64(poa.periodSeconds), in: 1...86_400)
        }
    }

    private static func check<N: BinaryInteger>(_ path: String, _ value: N, in range: ClosedRange<N>) throws(GenesisError) {
        guard range.contains(value) else {
            throw .outOfRange(path: path, value: Int64(clamping: value), range: "\(range.lowerBound)...\(range.upperBound)")
        }
    }
}

/// Checks on the compact ("bits") form of a proof-of-work target.
public enum CompactTarget {
    /// Whether `bits` encodes a positive target that fits in 256 bits: the sign bit clear,
    /// the mantissa non-zero, and the exponent small enough for the mantissa's width.
    public static func isValid(_ bits: UInt32) -> Bool {
        let exponent = bits >> 24
        let mantissa = bits & 0x007f_ffff
        guard bits & 0x0080_0000 == 0, mantissa != 0 else { return false }
        // The target is mantissa · 256^(exponent − 3): below exponent 3 the mantissa is shifted
        // right and must keep a bit; above, its top byte must sit at or below byte 32.
        if exponent < 3 { return mantissa >> (8 * (3 - exponent)) != 0 }
        let mantissaBytes: UInt32 = mantissa > 0xffff ? 3 : (mantissa > 0xff ? 2 : 1)
        return exponent + mantissaBytes <= 35
    }
}

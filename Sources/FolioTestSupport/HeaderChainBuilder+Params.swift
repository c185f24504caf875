import FolioCore

extension HeaderChainBuilder {
    /// Small, valid chain parameters for engine tests: chain 77, test network, genesis at
    /// `genesisTimestamp`, no reward or prefunds, default limits.
    public static func params(consensus: ConsensusParams, genesisTimestamp: Int64 = 1_700_000_000) throws(GenesisError) -> ChainParams {
        try ChainParams(
            chainId: 77, network: .test, genesisTimestamp: genesisTimestamp, consensus: consensus,
            blockReward: .zero, prefunded: [],
            fingerprint: FingerprintThresholds(duplicateDistance: 24, similarityDistance: 64),
            modelId: .zero, maxBlockBytes: 1 << 20, maxTransactionsPerBlock: 1000)
    }
}

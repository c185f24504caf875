/// The canonical bytes of the parameters; their SHA-256 is `id`, which the genesis header
/// carries so the genesis block id commits to every parameter.
extension ChainParams: CanonicalCodable {
    /// `chainId` (UInt32 LE), `network` (varint: main 0, test 1), `genesisTimestamp` (Int64
    /// LE), `consensus`, `blockReward` (UInt64 LE), `prefunded` (list), `fingerprint` (4),
    /// `modelId` (32), `maxBlockBytes` (UInt32 LE), `maxTransactionsPerBlock` (UInt32 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(chainId)
        writer.writeVarInt(network == .main ? 0 : 1)
        writer.write(genesisTimestamp)
        writer.write(consensus)
        writer.write(blockReward)
        writer.writeList(prefunded)
        writer.write(fingerprint)
        writer.write(modelId)
        writer.write(UInt32(clamping: maxBlockBytes))
        writer.write(UInt32(clamping: maxTransactionsPerBlock))
    }

    /// Decodes and re-validates; parameters that fail validation are `invalidValue`.
    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let chainId = try reader.readUInt32()
        let network: NetworkKind
        switch try reader.readVarInt() {
        case 0: network = .main
        case 1: network = .test
        case let tag: throw .unknownTag(type: "NetworkKind", tag: tag)
        }
        let timestamp = try reader.readInt64()
        let consensus = try reader.read(ConsensusParams.self)
        let reward = try reader.read(Amount.self)
        let prefunded = try reader.readList(
            GenesisAllocation.self, field: "prefunded", cap: Limits.genesisAllocations, minimumElementSize: 28)
        let fingerprint = try reader.read(FingerprintThresholds.self)
        let modelId = try reader.read(ModelId.self)
        let maxBlockBytes = Int(try reader.readUInt32())
        let maxTransactions = Int(try reader.readUInt32())
        do {
            self = try ChainParams(
                chainId: chainId, network: network, genesisTimestamp: timestamp, consensus: consensus,
                blockReward: reward, prefunded: prefunded, fingerprint: fingerprint, modelId: modelId,
                maxBlockBytes: maxBlockBytes, maxTransactionsPerBlock: maxTransactions)
        } catch {
            throw .invalidValue(type: "ChainParams", reason: error.description)
        }
        guard prefunded == self.prefunded else {
            throw .invalidValue(type: "ChainParams", reason: "prefunded accounts are not sorted by address")
        }
    }
}

/// The parameters' id is SHA-256 of their canonical bytes.
extension ChainParams: CanonicallyIdentified {}

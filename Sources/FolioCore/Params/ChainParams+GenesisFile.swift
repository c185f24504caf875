#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FolioCrypto

/// Reading and writing genesis files (the format is in `docs/protocol.md`, "Genesis file").
extension ChainParams {
    /// Reads and validates the genesis file at `path`.
    public static func load(genesisFileAt path: String) throws(GenesisError) -> ChainParams {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, detail: "\(error)")
        }
        return try ChainParams(genesisJSON: Array(data))
    }

    /// Parses and validates genesis JSON, naming the first thing wrong and where.
    public init(genesisJSON bytes: [UInt8]) throws(GenesisError) {
        let data = Data(bytes)
        let decoder = JSONDecoder()
        do {
            if let unknown = try decoder.decode(GenesisFieldNames.self, from: data).unknown.first {
                throw GenesisError.unknownField(path: unknown)
            }
            self = try ChainParams(genesisFile: try decoder.decode(GenesisFile.self, from: data))
        } catch let error as GenesisError {
            throw error
        } catch let error as DecodingError {
            throw GenesisError(error)
        } catch {
            throw .malformedJSON(detail: "\(error)")
        }
    }

    /// These parameters as genesis JSON: sorted keys, indented, addresses as bech32m text.
    public func genesisJSON() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return (try? Array(encoder.encode(GenesisFile(self)))) ?? []
    }

    init(genesisFile file: GenesisFile) throws(GenesisError) {
        guard let network = NetworkKind(rawValue: file.network) else { throw .unknownNetwork(file.network) }
        let consensus = try ChainParams.consensus(of: file)
        var prefunded: [GenesisAllocation] = []
        for (text, amount) in file.prefunded.sorted(by: { $0.key < $1.key }) {
            let address = try GenesisAddressText.parse(text, network: network, path: "prefunded.\(text)")
            prefunded.append(GenesisAllocation(address: address, amount: Amount(baseUnits: amount)))
        }
        guard let modelId = Hash256(hex: file.modelId) else { throw .badHex(path: "modelId", digits: 64) }
        try self.init(
            chainId: try narrow(file.chainId, path: "chainId"), network: network, genesisTimestamp: file.timestamp, consensus: consensus,
            blockReward: Amount(baseUnits: file.blockReward), prefunded: prefunded,
            fingerprint: FingerprintThresholds(
                duplicateDistance: file.fingerprint.duplicateDistance,
                similarityDistance: file.fingerprint.similarityDistance),
            modelId: modelId, maxBlockBytes: file.maxBlockBytes, maxTransactionsPerBlock: file.maxTransactionsPerBlock)
    }

    private static func consensus(of file: GenesisFile) throws(GenesisError) -> ConsensusParams {
        switch file.engine {
        case GenesisEngine.proofOfWork:
            guard let pow = file.pow else { throw .missingEngineSection(engine: file.engine) }
            guard file.poa == nil else { throw .conflictingEngineSection(engine: file.engine, section: "poa") }
            guard pow.initialBits.utf8.count == 8, let raw = HexCoding.decode(pow.initialBits) else {
                throw .badHex(path: "pow.initialBits", digits: 8)
            }
            let bits = raw.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return .proofOfWork(ProofOfWorkParams(
                targetSpacingSeconds: try narrow(pow.targetSpacingSeconds, path: "pow.targetSpacingSeconds"),
                halfLifeSeconds: try narrow(pow.halfLifeSeconds, path: "pow.halfLifeSeconds"), initialBits: bits))
        case GenesisEngine.proofOfAuthority:
            guard let poa = file.poa else { throw .missingEngineSection(engine: file.engine) }
            guard file.pow == nil else { throw .conflictingEngineSection(engine: file.engine, section: "pow") }
            var keys: [PublicKey] = []
            for (index, text) in poa.authorities.enumerated() {
                let path = "poa.authorities[\(index)]"
                guard text.utf8.count == 64, let raw = HexCoding.decode(text) else { throw .badHex(path: path, digits: 64) }
                do { keys.append(try PublicKey(bytes: raw)) } catch { throw .badPublicKey(path: path) }
            }
            let period = try narrow(poa.periodSeconds, path: "poa.periodSeconds")
            return .proofOfAuthority(ProofOfAuthorityParams(authorities: keys, periodSeconds: period))
        default:
            throw .unknownEngine(file.engine)
        }
    }
}

/// `value` as a `UInt32`, or `outOfRange` at `path`.
private func narrow(_ value: UInt64, path: String) throws(GenesisError) -> UInt32 {
    guard let narrow = UInt32(exactly: value) else {
        throw .outOfRange(path: path, value: Int64(clamping: value), range: "0...\(UInt32.max)")
    }
    return narrow
}

extension GenesisFile {
    /// The file that loads back as `params`.
    init(_ params: ChainParams) {
        var pow: ProofOfWork?
        var poa: ProofOfAuthority?
        switch params.consensus {
        case let .proofOfWork(p):
            let bits = (0..<4).map { UInt8(truncatingIfNeeded: p.initialBits >> (24 - 8 * $0)) }
            pow = ProofOfWork(
                targetSpacingSeconds: UInt64(p.targetSpacingSeconds), halfLifeSeconds: UInt64(p.halfLifeSeconds),
                initialBits: HexCoding.encode(bits))
        case let .proofOfAuthority(p):
            poa = ProofOfAuthority(
                authorities: p.authorities.map { HexCoding.encode($0.bytes) }, periodSeconds: UInt64(p.periodSeconds))
        }
        var prefunded: [String: UInt64] = [:]
        for allocation in params.prefunded {
            prefunded[GenesisAddressText.format(allocation.address, network: params.network)] = allocation.amount.baseUnits
        }
        self.init(
            chainId: UInt64(params.chainId), network: params.network.rawValue, timestamp: params.genesisTimestamp,
            engine: params.consensus.engineName, pow: pow, poa: poa, blockReward: params.blockReward.baseUnits,
            prefunded: prefunded,
            fingerprint: Thresholds(
                duplicateDistance: params.fingerprint.duplicateDistance,
                similarityDistance: params.fingerprint.similarityDistance),
            modelId: params.modelId.hex, maxBlockBytes: params.maxBlockBytes,
            maxTransactionsPerBlock: params.maxTransactionsPerBlock)
    }
}

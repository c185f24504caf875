import FolioCrypto

/// Which consensus engine the chain runs, with that engine's parameters. The node picks the
/// engine from this value in one place. Encoded as a varint tag (0 PoW, 1 PoA) and the fields.
public enum ConsensusParams: Hashable, Sendable {
    /// Proof of work.
    case proofOfWork(ProofOfWorkParams)
    /// Proof of authority.
    case proofOfAuthority(ProofOfAuthorityParams)

    /// The engine's name in the genesis file: `pow` or `poa`.
    public var engineName: String {
        switch self {
        case .proofOfWork: return GenesisEngine.proofOfWork
        case .proofOfAuthority: return GenesisEngine.proofOfAuthority
        }
    }
}

/// Engine names as the genesis file spells them.
public enum GenesisEngine {
    /// `"pow"`.
    public static let proofOfWork = "pow"
    /// `"poa"`.
    public static let proofOfAuthority = "poa"
}

/// Proof-of-work parameters.
public struct ProofOfWorkParams: Hashable, Sendable {
    /// The block interval difficulty adjustment aims for, in seconds.
    public var targetSpacingSeconds: UInt32
    /// How long a sustained deviation from the spacing takes to halve or double the
    /// difficulty (an exponential adjustment's half-life), in seconds.
    public var halfLifeSeconds: UInt32
    /// The genesis target in compact form.
    public var initialBits: UInt32

    /// Creates PoW parameters.
    public init(targetSpacingSeconds: UInt32, halfLifeSeconds: UInt32, initialBits: UInt32) {
        self.targetSpacingSeconds = targetSpacingSeconds
        self.halfLifeSeconds = halfLifeSeconds
        self.initialBits = initialBits
    }
}

/// Proof-of-authority parameters.
public struct ProofOfAuthorityParams: Hashable, Sendable {
    /// The authorities at genesis, in file order (the order a round-robin turn uses).
    public var authorities: [PublicKey]
    /// Seconds between blocks.
    public var periodSeconds: UInt32

    /// Creates PoA parameters.
    public init(authorities: [PublicKey], periodSeconds: UInt32) {
        self.authorities = authorities
        self.periodSeconds = periodSeconds
    }
}

extension ConsensusParams: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        switch self {
        case let .proofOfWork(pow):
            writer.writeVarInt(0)
            writer.write(pow.targetSpacingSeconds)
            writer.write(pow.halfLifeSeconds)
            writer.write(pow.initialBits)
        case let .proofOfAuthority(poa):
            writer.writeVarInt(1)
            writer.writeList(poa.authorities)
            writer.write(poa.periodSeconds)
        }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        switch try reader.readVarInt() {
        case 0:
            self = .proofOfWork(ProofOfWorkParams(
                targetSpacingSeconds: try reader.readUInt32(), halfLifeSeconds: try reader.readUInt32(),
                initialBits: try reader.readUInt32()))
        case 1:
            let authorities = try reader.readList(
                PublicKey.self, field: "authorities", cap: Limits.genesisAuthorities, minimumElementSize: 32)
            self = .proofOfAuthority(ProofOfAuthorityParams(authorities: authorities, periodSeconds: try reader.readUInt32()))
        case let tag: throw .unknownTag(type: "ConsensusParams", tag: tag)
        }
    }
}

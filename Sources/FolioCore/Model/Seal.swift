import FolioCrypto

/// The consensus engine's proof on a block header. Encoded as a varint tag (0 proof of work,
/// 1 proof of authority) followed by the case's fields.
public enum Seal: Hashable, Sendable {
    /// A nonce that makes the header's double SHA-256 fall under the target.
    case proofOfWork(ProofOfWorkSeal)
    /// An authority's Ed25519 signature over `BlockHeader.signingBytes`.
    case proofOfAuthority(ProofOfAuthoritySeal)

    private var tag: UInt64 {
        switch self {
        case .proofOfWork: return 0
        case .proofOfAuthority: return 1
        }
    }

    /// Writes the tag and every field except a signature.
    func encodeUnsigned(to writer: inout CanonicalWriter) {
        writer.writeVarInt(tag)
        switch self {
        case let .proofOfWork(seal): writer.write(seal)
        case let .proofOfAuthority(seal): writer.write(seal.authority)
        }
    }
}

extension Seal: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        encodeUnsigned(to: &writer)
        if case let .proofOfAuthority(seal) = self { writer.write(seal.signature) }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        switch try reader.readVarInt() {
        case 0: self = .proofOfWork(try reader.read())
        case 1: self = .proofOfAuthority(try reader.read())
        case let tag: throw .unknownTag(type: "Seal", tag: tag)
        }
    }
}

/// The proof-of-work seal: 36 bytes at header offset 121 (bits, extra nonce, payee, nonce).
///
/// The miner hashes all 157 header bytes. The nonce sits last, at offsets 149..<157, inside the
/// third 64-byte SHA-256 block, so a miner hashes bytes 0..<128 once into a midstate and then
/// pays one compression for the 29-byte tail (with its padding) plus one for the outer hash per
/// nonce: the same per-nonce cost as an 80-byte Bitcoin header. Changing `extraNonce`
/// (offsets 125..<129) means a new midstate; with a 64-bit nonce that is rarely needed, and it
/// gives parallel miners disjoint search spaces without coordination. `payee` (129..<149) is
/// the account the block's reward and fees go to; the all-zero address pays no one.
public struct ProofOfWorkSeal: Hashable, Sendable {
    /// Header offset of the nonce's first byte.
    public static let nonceOffset = 149
    /// Size of a proof-of-work header in bytes.
    public static let headerSize = 157

    /// The target in compact form (Bitcoin's "bits": exponent byte, 23-bit mantissa).
    public var bits: UInt32
    /// Free search space outside the nonce.
    public var extraNonce: UInt32
    /// The account paid the block reward and the fees; `Address.zero` pays no one.
    public var payee: Address
    /// The value the miner varies.
    public var nonce: UInt64

    /// Creates a seal from its fields.
    public init(bits: UInt32, extraNonce: UInt32 = 0, payee: Address = .zero, nonce: UInt64 = 0) {
        self.bits = bits
        self.extraNonce = extraNonce
        self.payee = payee
        self.nonce = nonce
    }
}

extension ProofOfWorkSeal: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(bits)
        writer.write(extraNonce)
        payee.encode(to: &writer)
        writer.write(nonce)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        bits = try reader.readUInt32()
        extraNonce = try reader.readUInt32()
        payee = try Address(from: &reader)
        nonce = try reader.readUInt64()
    }
}

/// The proof-of-authority seal: the sealing authority's key and its signature.
public struct ProofOfAuthoritySeal: Hashable, Sendable {
    /// Size of a proof-of-authority header in bytes.
    public static let headerSize = 217

    /// The authority that sealed the block; it must be in the authority set at the parent.
    public var authority: PublicKey
    /// Ed25519 signature by `authority` over `BlockHeader.signingBytes`.
    public var signature: Signature

    /// Creates a seal from its fields.
    public init(authority: PublicKey, signature: Signature) {
        self.authority = authority
        self.signature = signature
    }
}

extension ProofOfAuthoritySeal: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(authority)
        writer.write(signature)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        authority = try reader.read()
        signature = try reader.read()
    }
}

import FolioCrypto

/// A block header: what links a block to its parent and commits to its contents.
///
/// Canonical layout, fixed-size for each engine (offsets in bytes):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 4 | `version` (UInt32 LE) |
/// | 4 | 4 | `chainId` (UInt32 LE) |
/// | 8 | 8 | `height` (UInt64 LE) |
/// | 16 | 32 | `parent` |
/// | 48 | 32 | `merkleRoot` |
/// | 80 | 32 | `stateRoot` |
/// | 112 | 8 | `timestamp` (Int64 LE, unix seconds) |
/// | 120 | 1+ | `seal` (varint tag, then the seal's fields; see `Seal`) |
///
/// A proof-of-work header is 157 bytes, a proof-of-authority header 217.
/// The block id is double SHA-256 of these bytes.
public struct BlockHeader: Hashable, Sendable {
    /// The header format this software writes.
    public static let currentVersion: UInt32 = 1
    /// Bytes before the seal: everything the seal commits to.
    public static let unsealedSize = 120

    /// Header format version.
    public var version: UInt32
    /// The chain this block belongs to (from the genesis file), so headers do not cross chains.
    public var chainId: UInt32
    /// Blocks between this one and genesis (genesis is 0).
    public var height: UInt64
    /// Id of the parent block; `Hash256.zero` for genesis.
    public var parent: Hash256
    /// Merkle root of the block's transaction ids.
    public var merkleRoot: Hash256
    /// Commitment to the state after this block (at genesis: to the chain parameters).
    public var stateRoot: Hash256
    /// Block time in unix seconds, as the producer claims it; consensus bounds it.
    public var timestamp: Int64
    /// The engine's proof that this header may extend the chain.
    public var seal: Seal

    /// Creates a header from its fields.
    public init(
        version: UInt32 = BlockHeader.currentVersion, chainId: UInt32, height: UInt64, parent: Hash256,
        merkleRoot: Hash256, stateRoot: Hash256, timestamp: Int64, seal: Seal
    ) {
        self.version = version
        self.chainId = chainId
        self.height = height
        self.parent = parent
        self.merkleRoot = merkleRoot
        self.stateRoot = stateRoot
        self.timestamp = timestamp
        self.seal = seal
    }
}

extension BlockHeader: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        encodeUnsealed(to: &writer)
        writer.write(seal)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        version = try reader.readUInt32()
        chainId = try reader.readUInt32()
        height = try reader.readUInt64()
        parent = try reader.read()
        merkleRoot = try reader.read()
        stateRoot = try reader.read()
        timestamp = try reader.readInt64()
        seal = try reader.read()
    }

    private func encodeUnsealed(to writer: inout CanonicalWriter) {
        writer.write(version)
        writer.write(chainId)
        writer.write(height)
        writer.write(parent)
        writer.write(merkleRoot)
        writer.write(stateRoot)
        writer.write(timestamp)
    }
}

extension BlockHeader: CanonicallyIdentified {
    /// Block ids are double SHA-256, the hash a miner grinds.
    public static var idDigest: IdDigest { .doubleSHA256 }

    /// The bytes a seal signature signs: the canonical header bytes with the seal's signature
    /// left out (a proof-of-authority header's first 153 bytes). A proof-of-work seal has no
    /// signature, so for it these are all the canonical bytes.
    public var signingBytes: [UInt8] {
        var writer = CanonicalWriter(capacity: 160)
        encodeUnsealed(to: &writer)
        seal.encodeUnsigned(to: &writer)
        return writer.finish()
    }
}

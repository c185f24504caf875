import FolioCore

/// The main-chain tip: the last connected block.
public struct ChainTip: Hashable, Sendable {
    /// The tip block's id.
    public var id: Hash256
    /// Its height.
    public var height: UInt64

    /// Creates a tip.
    public init(id: Hash256, height: UInt64) {
        self.id = id
        self.height = height
    }
}

/// What the store keeps about any block it holds, main chain or side chain.
public struct BlockEntry: Hashable, Sendable {
    /// The header.
    public var header: BlockHeader
    /// The fork-choice score of the chain ending at this block, in the encoding the chain
    /// picks (the store compares nothing).
    public var score: [UInt8]

    /// Creates an entry.
    public init(header: BlockHeader, score: [UInt8]) {
        self.header = header
        self.score = score
    }
}

/// Where a main-chain transaction sits.
public struct TransactionLocation: Hashable, Sendable {
    /// The block that includes it.
    public var blockId: Hash256
    /// That block's height.
    public var height: UInt64
    /// Its index in the block's transaction list.
    public var index: Int

    /// Creates a location.
    public init(blockId: Hash256, height: UInt64, index: Int) {
        self.blockId = blockId
        self.height = height
        self.index = index
    }
}

/// A registered work whose fingerprint lies within some Hamming distance of another's.
public struct SimilarWork: Hashable, Sendable, Comparable {
    /// The other work.
    public var workId: WorkId
    /// Bits in which the fingerprints differ.
    public var distance: Int

    /// Creates a match.
    public init(workId: WorkId, distance: Int) {
        self.workId = workId
        self.distance = distance
    }

    /// Nearest first, then by id, so every node lists matches in one order.
    public static func < (lhs: SimilarWork, rhs: SimilarWork) -> Bool {
        (lhs.distance, lhs.workId) < (rhs.distance, rhs.workId)
    }
}

extension SimilarWork: CanonicalCodable {
    /// `workId` (32), `distance` (UInt16 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(workId)
        writer.write(UInt16(clamping: distance))
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        workId = try reader.read()
        distance = Int(try reader.readUInt16())
    }
}

import FolioCore

/// A fork-choice score: how much a header (or, summed, a branch) counts when picking the tip.
///
/// Proof of work scores a header by the expected number of hashes behind it; proof of
/// authority by 2 for an in-turn seal and 1 out of turn. The chain adds the scores of a branch
/// with `+` and prefers the larger total. Unsigned 256 bits; sums saturate rather than wrap.
public struct ChainWork: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The score as a number.
    public let value: UInt256

    /// No work: the score before genesis.
    public static let zero = ChainWork(UInt256.zero)

    /// A score of `value`.
    public init(_ value: UInt256) { self.value = value }

    /// A small score, as proof of authority uses.
    public init(_ value: UInt64) { self.value = UInt256(value) }

    /// The cumulative score of a branch extended by a header.
    public static func + (lhs: ChainWork, rhs: ChainWork) -> ChainWork {
        ChainWork(lhs.value.saturatingAdd(rhs.value))
    }

    /// Adds `rhs` to `lhs` in place.
    public static func += (lhs: inout ChainWork, rhs: ChainWork) { lhs = lhs + rhs }

    /// Numeric order: the larger score is the preferred branch.
    public static func < (lhs: ChainWork, rhs: ChainWork) -> Bool { lhs.value < rhs.value }

    /// The score in hexadecimal.
    public var description: String { value.description }
}

extension UInt256 {
    /// The hash read as a 256-bit little-endian number (byte 31 most significant), the
    /// reading a proof-of-work target compares against.
    public init(littleEndianHash hash: Hash256) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        hash.withUnsafeBytes { raw in
            words = (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                     UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                     UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                     UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        }
        self.init(limbs: words)
    }
}

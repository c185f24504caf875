/// A 32-byte SHA-256 digest, stored inline so hashing and comparing never allocate.
///
/// Ids in Folio (blocks, transactions, works, templates, offers) are `Hash256` values.
public struct Hash256: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digest as four little-endian 64-bit words (byte 0 is the low byte of `w0`).
    @usableFromInline var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// The all-zero hash, used as the parent of the genesis block.
    public static let zero = Hash256(w0: 0, w1: 0, w2: 0, w3: 0)

    @usableFromInline init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    // Inlinable so callers in other modules get a copy specialised for their collection: the
    // unspecialised generic walks the bytes through witness tables and metadata look-ups, a few
    // µs per hash, which was a fifth of a royalty settlement (B14, three ancestors' owners).
    /// Creates a hash from exactly 32 bytes; returns `nil` for any other length.
    @inlinable
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        InlineBytes32.copy(bytes, into: &words)
        self.init(w0: UInt64(littleEndian: words.0), w1: UInt64(littleEndian: words.1),
                  w2: UInt64(littleEndian: words.2), w3: UInt64(littleEndian: words.3))
    }

    /// Creates a hash from 64 hexadecimal digits (either case); `nil` if malformed.
    public init?(hex: String) {
        guard let bytes = HexCoding.decode(hex), let hash = Hash256(bytes: bytes) else { return nil }
        self = hash
    }

    /// Calls `body` with the 32 digest bytes in order, without copying to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var words = (w0.littleEndian, w1.littleEndian, w2.littleEndian, w3.littleEndian)
        return try Swift.withUnsafeBytes(of: &words) { try body($0) }
    }

    /// The 32 digest bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lower-case hexadecimal, byte 0 first.
    public var hex: String { HexCoding.encode(bytes) }

    public var description: String { hex }

    /// Byte-wise lexicographic order, so sorting ids matches sorting their hex.
    public static func < (lhs: Hash256, rhs: Hash256) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in
            for i in 0..<32 where l[i] != r[i] { return l[i] < r[i] }
            return false
        } }
    }
}

/// Fixed-size byte strings kept inline (no heap allocation, no reference count), so the keys,
/// signatures and addresses inside every decoded transaction cost a copy of their bytes and
/// nothing more. Bytes are kept in order in memory; equality and hashing read the words.

/// 32 bytes inline.
public struct InlineBytes32: Hashable, Sendable {
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Thirty-two zero bytes.
    @inlinable
    public init() {}

    /// Copies exactly 32 bytes; `nil` for any other count.
    @inlinable
    public init?<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        Self.copy(bytes, into: &words)
    }

    /// Copies at most 32 bytes and fills the rest with zeros (for shorter values such as a
    /// 20-byte address); `nil` for more than 32.
    @inlinable
    public init?<Bytes: Collection>(zeroPadding bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count <= 32 else { return nil }
        Self.copy(bytes, into: &words)
    }

    /// Loads `raw`'s bytes (at most 32) with word loads and zeros the rest: the codec's path
    /// for fixed-size fields, with no call and no byte loop. `nil` for more than 32 bytes.
    @inlinable @inline(__always)
    public init?(raw: UnsafeRawBufferPointer) {
        let count = raw.count
        if count == 32 {
            // Bytes in memory order: one load of the four words keeps that order.
            words = raw.loadUnaligned(as: (UInt64, UInt64, UInt64, UInt64).self)
            return
        }
        guard count <= 32 else { return nil }
        guard count == 20 else {
            Self.copy(raw, into: &words)
            return
        }
        words.0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        words.1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        // The last four of twenty bytes go to the low-addressed half of word 2: read as a
        // little-endian number, widened, and stored back little-endian (the same on any host).
        let tail = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        words.2 = UInt64(littleEndian: UInt64(tail))
    }

    /// Copies `bytes` (at most 32) to the start of `words`: one `memcpy` when the collection
    /// is contiguous (arrays, slices, buffer pointers: every caller in the codec), else a loop.
    @inlinable
    static func copy<Bytes: Collection>(_ bytes: Bytes, into words: inout (UInt64, UInt64, UInt64, UInt64))
    where Bytes.Element == UInt8 {
        Swift.withUnsafeMutableBytes(of: &words) { raw in
            let copied = bytes.withContiguousStorageIfAvailable { source -> Bool in
                if let base = source.baseAddress { raw.baseAddress?.copyMemory(from: base, byteCount: source.count) }
                return true
            }
            if copied != true {
                for (i, byte) in bytes.enumerated() { raw[i] = byte }
            }
        }
    }

    /// Calls `body` with the 32 bytes in order.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }

    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0); hasher.combine(words.1); hasher.combine(words.2); hasher.combine(words.3)
    }
}

/// 64 bytes inline.
public struct InlineBytes64: Hashable, Sendable {
    @usableFromInline var low: InlineBytes32
    @usableFromInline var high: InlineBytes32

    /// Copies exactly 64 bytes; `nil` for any other count.
    @inlinable
    public init?<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 64, let low = InlineBytes32(bytes.prefix(32)), let high = InlineBytes32(bytes.dropFirst(32)) else {
            return nil
        }
        self.low = low
        self.high = high
    }

    /// Loads exactly 64 bytes from `raw`; `nil` for any other count.
    @inlinable @inline(__always)
    public init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == 64 else { return nil }
        low = InlineBytes32()
        high = InlineBytes32()
        low.words = raw.loadUnaligned(fromByteOffset: 0, as: (UInt64, UInt64, UInt64, UInt64).self)
        high.words = raw.loadUnaligned(fromByteOffset: 32, as: (UInt64, UInt64, UInt64, UInt64).self)
    }

    /// Calls `body` with the 64 bytes in order.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = (low.words, high.words)
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }
}

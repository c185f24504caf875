import COpenSSL

/// SHA-256 (FIPS 180-4) over libcrypto's block function.
///
/// Every entry point keeps its state on the stack, so hashing never allocates. The low-level
/// `SHA256_CTX` is used rather than EVP because it can be copied by value (see `Midstate`).
public enum SHA256 {
    /// The digest size in bytes.
    public static let byteCount = 32

    /// The digest of `data` in one call.
    @inlinable
    public static func hash<Bytes: ContiguousBytes>(_ data: Bytes) -> Hash256 {
        var hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// SHA-256 applied twice, as block-header hashing uses it.
    @inlinable
    public static func doubleHash<Bytes: ContiguousBytes>(_ data: Bytes) -> Hash256 {
        hash(hash(data))
    }
}

/// Byte containers that can lend their storage without a copy.
public protocol ContiguousBytes {
    /// Calls `body` with the bytes.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytes where Element == UInt8 {}
extension ArraySlice: ContiguousBytes where Element == UInt8 {}
extension ContiguousArray: ContiguousBytes where Element == UInt8 {}
extension Hash256: ContiguousBytes {}

extension UnsafeRawBufferPointer: ContiguousBytes {
    /// Calls `body` with this buffer itself.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(self) }
}

extension UnsafeMutableRawBufferPointer: ContiguousBytes {
    /// Calls `body` with a read-only view of this buffer.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(self))
    }
}

extension String.UTF8View: ContiguousBytes {
    /// Calls `body` with the UTF-8 bytes, copying only if the string is not stored contiguously.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let result = try withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(self).withUnsafeBytes(body)
    }
}

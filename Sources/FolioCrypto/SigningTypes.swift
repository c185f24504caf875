/// An Ed25519 public key: 32 bytes as RFC 8032 encodes it.
///
/// Equality and hashing look at the bytes only. The bytes are held inline, so decoding a
/// transaction allocates nothing for its sender; libcrypto's key is built when verifying.
public struct PublicKey: Hashable, Sendable {
    /// Encoded length in bytes.
    public static let byteCount = 32

    @usableFromInline let storage: InlineBytes32

    /// Wraps 32 bytes; throws `CryptoError.invalidKeyLength` for any other length.
    ///
    /// The bytes are not checked to be a curve point here; a key that is not one verifies
    /// no signature.
    @inlinable
    public init<Bytes: Collection>(bytes: Bytes) throws(CryptoError) where Bytes.Element == UInt8 {
        guard let storage = InlineBytes32(bytes) else { throw .invalidKeyLength(expected: Self.byteCount, actual: bytes.count) }
        self.storage = storage
    }

    /// Wraps the 32 bytes at `raw`; `nil` for any other count.
    @inlinable
    public init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == Self.byteCount, let storage = InlineBytes32(raw: raw) else { return nil }
        self.storage = storage
    }

    /// The 32 encoded bytes (a new array each time: prefer `withUnsafeBytes` on hot paths).
    public var bytes: [UInt8] { storage.withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 encoded bytes, without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes(body)
    }
}

/// An Ed25519 signature: 64 bytes (R then S) as RFC 8032 encodes it.
public struct Signature: Hashable, Sendable {
    /// Encoded length in bytes.
    public static let byteCount = 64

    @usableFromInline let storage: InlineBytes64

    /// Wraps 64 bytes; throws `CryptoError.invalidSignatureLength` for any other length.
    @inlinable
    public init<Bytes: Collection>(bytes: Bytes) throws(CryptoError) where Bytes.Element == UInt8 {
        guard let storage = InlineBytes64(bytes) else { throw .invalidSignatureLength(actual: bytes.count) }
        self.storage = storage
    }

    /// Wraps the 64 bytes at `raw`; `nil` for any other count.
    @inlinable
    public init?(raw: UnsafeRawBufferPointer) {
        guard let storage = InlineBytes64(raw: raw) else { return nil }
        self.storage = storage
    }

    /// The 64 encoded bytes (a new array each time: prefer `withUnsafeBytes` on hot paths).
    public var bytes: [UInt8] { storage.withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 64 encoded bytes, without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes(body)
    }
}

/// Why a cryptographic operation failed.
public enum CryptoError: Error, Equatable, Sendable {
    /// A key had the wrong number of bytes.
    case invalidKeyLength(expected: Int, actual: Int)
    /// A signature was not 64 bytes.
    case invalidSignatureLength(actual: Int)
    /// An AEAD tag did not match: the ciphertext or associated data was altered, or the key is wrong.
    case authenticationFailed
    /// A parameter was outside what the primitive accepts (named in the message).
    case invalidParameter(String)
    /// libcrypto reported a failure in the named call.
    case openSSL(function: String)
}

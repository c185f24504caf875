/// An Ed25519 public key: 32 bytes as RFC 8032 encodes it.
///
/// Equality and hashing look at the bytes only. The libcrypto key used to verify is built on
/// first use and shared by copies, so verifying many signatures from one key builds it once.
public struct PublicKey: Hashable, Sendable {
    /// Encoded length in bytes.
    public static let byteCount = 32

    /// The 32 encoded bytes.
    public let bytes: [UInt8]

    let verifier: LazyVerifier

    /// Wraps 32 bytes; throws `CryptoError.invalidKeyLength` for any other length.
    ///
    /// The bytes are not checked to be a curve point here; a key that is not one verifies
    /// no signature.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == Self.byteCount else { throw .invalidKeyLength(expected: Self.byteCount, actual: bytes.count) }
        self.bytes = bytes
        verifier = LazyVerifier()
    }

    /// Two keys are equal when their encodings are.
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.bytes == rhs.bytes }

    /// Hashes the encoding.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}

/// An Ed25519 signature: 64 bytes (R then S) as RFC 8032 encodes it.
public struct Signature: Hashable, Sendable {
    /// Encoded length in bytes.
    public static let byteCount = 64

    /// The 64 encoded bytes.
    public let bytes: [UInt8]

    /// Wraps 64 bytes; throws `CryptoError.invalidSignatureLength` for any other length.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == Self.byteCount else { throw .invalidSignatureLength(actual: bytes.count) }
        self.bytes = bytes
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

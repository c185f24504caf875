/// An Ed25519 public key: 32 bytes as RFC 8032 encodes it.
public struct PublicKey: Hashable, Sendable {
    /// The 32 encoded bytes.
    public let bytes: [UInt8]

    /// Wraps 32 bytes; throws `CryptoError.invalidKeyLength` for any other length.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == 32 else { throw .invalidKeyLength(expected: 32, actual: bytes.count) }
        self.bytes = bytes
    }
}

/// An Ed25519 signature: 64 bytes (R then S) as RFC 8032 encodes it.
public struct Signature: Hashable, Sendable {
    /// The 64 encoded bytes.
    public let bytes: [UInt8]

    /// Wraps 64 bytes; throws `CryptoError.invalidSignatureLength` for any other length.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == 64 else { throw .invalidSignatureLength(actual: bytes.count) }
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

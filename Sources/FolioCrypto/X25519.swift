import COpenSSL

/// X25519 Diffie-Hellman (RFC 7748) over libcrypto.
public enum X25519 {
    /// Key and shared-secret length in bytes.
    public static let byteCount = 32

    /// An X25519 private scalar, wiped from memory when released.
    public struct PrivateKey: Sendable, GeneratableSecretKey {
        private let scalar: SecretBytes
        private let key: EVPKey
        /// The matching public key (the scalar times the base point u = 9).
        public let publicKey: PublicKey

        /// The scalar length, for `generate()`.
        public static var secretByteCount: Int { X25519.byteCount }

        /// The key whose scalar is `secret`.
        public init(secret: SecretBytes) throws(CryptoError) {
            try self.init(bytes: secret)
        }

        /// The key with scalar `bytes` (exactly 32 bytes; clamped by the function as RFC 7748 says).
        public init<Bytes: ContiguousBytes>(bytes: Bytes) throws(CryptoError) {
            let count = bytes.withUnsafeBytes { $0.count }
            guard count == X25519.byteCount else { throw .invalidKeyLength(expected: X25519.byteCount, actual: count) }
            scalar = SecretBytes(copying: bytes)
            key = try scalar.withUnsafeBytes { raw in
                Result { () throws(CryptoError) in
                    try EVPKey.make(type: EVP_PKEY_X25519, isPrivate: true, raw: raw, purpose: .derive)
                }
            }.get()
            publicKey = try PublicKey(bytes: key.rawPublicKey())
        }

        /// Calls `body` with the 32 scalar bytes; do not keep them.
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try scalar.withUnsafeBytes(body)
        }

        /// The shared secret with `peer`.
        ///
        /// Throws `CryptoError.invalidParameter` when the result would be all zeros (the peer
        /// sent a low-order point), as RFC 7748 §6.1 advises checking.
        public func sharedSecret(with peer: PublicKey) throws(CryptoError) -> SecretBytes {
            let peerKey = try peer.bytes.withUnsafeBytes { raw in
                Result { () throws(CryptoError) in
                    try EVPKey.make(type: EVP_PKEY_X25519, isPrivate: false, raw: raw, purpose: .derive)
                }
            }.get()
            guard let context = EVP_PKEY_CTX_new(key.pointer, nil) else { throw .openSSL(function: "EVP_PKEY_CTX_new") }
            defer { EVP_PKEY_CTX_free(context) }
            guard EVP_PKEY_derive_init(context) == 1, EVP_PKEY_derive_set_peer(context, peerKey.pointer) == 1 else {
                ERR_clear_error()
                throw .openSSL(function: "EVP_PKEY_derive_set_peer")
            }
            var derived = false
            let secret = SecretBytes(count: X25519.byteCount) { out in
                var length = out.count
                derived = EVP_PKEY_derive(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) == 1
                    && length == X25519.byteCount
            }
            guard derived else {
                ERR_clear_error()
                throw .invalidParameter("X25519 peer key is a low-order point (shared secret would be zero)")
            }
            return secret
        }
    }

    /// An X25519 public key: a 32-byte little-endian u-coordinate.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 encoded bytes.
        public let bytes: [UInt8]

        /// Wraps 32 bytes; throws `CryptoError.invalidKeyLength` for any other length.
        public init(bytes: [UInt8]) throws(CryptoError) {
            guard bytes.count == X25519.byteCount else {
                throw .invalidKeyLength(expected: X25519.byteCount, actual: bytes.count)
            }
            self.bytes = bytes
        }
    }
}

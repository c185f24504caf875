import COpenSSL

/// An Ed25519 signing key (RFC 8032): the 32-byte seed, wiped from memory when released.
///
/// Copies share one libcrypto key and one signing context, built when the key is made, so
/// signing allocates only the returned `Signature`.
public struct PrivateKey: Sendable, GeneratableSecretKey {
    /// Seed length in bytes.
    public static let seedByteCount = 32

    private let seed: SecretBytes
    private let signer: EVPKey
    /// The matching public key.
    public let publicKey: PublicKey

    /// The seed length, for `generate()`.
    public static var secretByteCount: Int { seedByteCount }

    /// The key whose seed is `secret`.
    public init(secret: SecretBytes) throws(CryptoError) {
        try self.init(seed: secret)
    }

    /// The key whose seed is `seed` (exactly 32 bytes, else `CryptoError.invalidKeyLength`).
    public init<Bytes: ContiguousBytes>(seed: Bytes) throws(CryptoError) {
        try self.init(seed: seed, onRelease: nil)
    }

    /// As `init(seed:)`; `onRelease` sees the seed buffer after it is wiped (tests only).
    init<Bytes: ContiguousBytes>(seed bytes: Bytes,
                                 onRelease: (@Sendable (UnsafeRawBufferPointer) -> Void)?) throws(CryptoError) {
        let count = bytes.withUnsafeBytes { $0.count }
        guard count == Self.seedByteCount else {
            throw .invalidKeyLength(expected: Self.seedByteCount, actual: count)
        }
        seed = SecretBytes(count: count, onRelease: onRelease) { buffer in
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
        signer = try seed.withUnsafeBytes { raw in
            Result { () throws(CryptoError) in try EVPKey.ed25519(raw: raw, purpose: .sign) }
        }.get()
        publicKey = try PublicKey(bytes: signer.rawPublicKey())
    }

    /// Calls `body` with the 32 seed bytes (for the keystore to encrypt); do not keep them.
    public func withUnsafeSeedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try seed.withUnsafeBytes(body)
    }

    /// The Ed25519 signature of `message` (deterministic: same key and message, same bytes).
    public func signature<Bytes: ContiguousBytes>(for message: Bytes) throws(CryptoError) -> Signature {
        var out = [UInt8](repeating: 0, count: Signature.byteCount)
        let ok = message.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { sig in
                signer.withContext { context in
                    var length = sig.count
                    return withNonNullBase(input) { base in
                        EVP_DigestSign(context, sig.baseAddress, &length, base, input.count) == 1
                    } && length == Signature.byteCount
                }
            }
        }
        guard ok == true else {
            ERR_clear_error()
            throw .openSSL(function: "EVP_DigestSign")
        }
        return try Signature(bytes: out)
    }
}

/// Calls `body` with `buffer`'s start, or with a valid dummy address when it is empty, since
/// some libcrypto entry points reject a null pointer even with a zero length.
@inline(__always)
func withNonNullBase<R>(_ buffer: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>) -> R) -> R {
    if let base = buffer.baseAddress { return body(base.assumingMemoryBound(to: UInt8.self)) }
    var dummy: UInt8 = 0
    return withUnsafePointer(to: &dummy) { body($0) }
}

/// Whether this libcrypto lets one initialised `EVP_MD_CTX` run many one-shot Ed25519
/// operations (OpenSSL 3.0 does). Probed once with a fixed key; when it does not, each
/// operation re-initialises the cached context, which is correct but slower.
enum Ed25519Contexts {
    static let reusable: Bool = probe()

    private static func probe() -> Bool {
        let seed = [UInt8](repeating: 7, count: 32)
        let message: [UInt8] = [1, 2, 3]
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else { return false }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        var first = [UInt8](repeating: 0, count: 64), second = first
        var length = 64
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1,
              EVP_DigestSign(context, &first, &length, message, message.count) == 1 else { return false }
        length = 64
        let again = EVP_DigestSign(context, &second, &length, message, message.count) == 1
        ERR_clear_error()
        return again && first == second
    }
}

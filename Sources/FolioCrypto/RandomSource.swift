import COpenSSL

/// Where key generation and nonces get their randomness.
///
/// Production code uses `SystemRandom`; tests inject a seeded source so that keys and
/// nonces are reproducible (the architecture's rule: randomness is injected).
public protocol RandomSource {
    /// Fills `buffer` with random bytes.
    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(CryptoError)
}

extension RandomSource {
    /// `count` random bytes.
    public mutating func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0 else { throw .invalidParameter("random byte count must not be negative, got \(count)") }
        var out = [UInt8](repeating: 0, count: count)
        var source = self
        try out.withUnsafeMutableBytes { buffer in
            Result { () throws(CryptoError) in try source.fill(buffer) }
        }.get()
        self = source
        return out
    }
}

/// The operating system's CSPRNG as seeded into OpenSSL's DRBG (`RAND_bytes`).
public struct SystemRandom: RandomSource, Sendable {
    /// A handle on the process-wide generator; it holds no state of its own.
    public init() {}

    /// Fills `buffer` from `RAND_bytes`; throws if the generator is not seeded.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        var offset = 0
        while offset < buffer.count {
            // RAND_bytes takes an Int32 length; large requests go in chunks.
            let chunk = min(buffer.count - offset, Int(Int32.max))
            let base = buffer.baseAddress.unsafelyUnwrapped + offset
            guard RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(chunk)) == 1 else {
                throw .openSSL(function: "RAND_bytes")
            }
            offset += chunk
        }
    }
}

/// A secret key made from a fixed number of uniformly random bytes (Ed25519 seed, X25519 scalar).
public protocol GeneratableSecretKey: Sendable {
    /// How many random bytes make a key.
    static var secretByteCount: Int { get }

    /// The key made from `secret`, which holds `secretByteCount` bytes.
    init(secret: SecretBytes) throws(CryptoError)
}

extension GeneratableSecretKey {
    /// A new key from the system's secure random source.
    public static func generate() throws(CryptoError) -> Self {
        var random = SystemRandom()
        return try generate(using: &random)
    }

    /// A new key whose bytes come from `random` (inject a seeded source in tests).
    public static func generate<R: RandomSource>(using random: inout R) throws(CryptoError) -> Self {
        let fresh = try SecretBytes(count: secretByteCount) { (buffer) throws(CryptoError) in try random.fill(buffer) }
        return try Self(secret: fresh)
    }
}

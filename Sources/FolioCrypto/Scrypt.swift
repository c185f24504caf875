import COpenSSL

/// The scrypt password-based key derivation function (RFC 7914) over libcrypto.
public enum Scrypt {
    /// Cost parameters: `n` (CPU/memory cost, a power of two above 1), block size `r`, and
    /// parallelism `p`. Memory use is about 128 · r · n bytes.
    public struct Parameters: Hashable, Sendable {
        /// CPU/memory cost; a power of two greater than 1.
        public let n: UInt64
        /// Block size factor.
        public let r: UInt64
        /// Parallelisation factor.
        public let p: UInt64

        /// Checks the RFC 7914 limits; throws `CryptoError.invalidParameter` naming the bad one.
        public init(n: UInt64, r: UInt64, p: UInt64) throws(CryptoError) {
            guard n > 1, n & (n - 1) == 0 else { throw .invalidParameter("scrypt N must be a power of two above 1, got \(n)") }
            guard r > 0, p > 0 else { throw .invalidParameter("scrypt r and p must be positive, got r=\(r) p=\(p)") }
            let (rp, overflow) = r.multipliedReportingOverflow(by: p)
            guard !overflow, rp < 1 << 30 else { throw .invalidParameter("scrypt r·p must be below 2^30") }
            guard n < 1 << (16 * r) || r >= 4 else { throw .invalidParameter("scrypt N must be below 2^(128·r/8)") }
            self.n = n
            self.r = r
            self.p = p
        }

        /// Bytes libcrypto allocates for these parameters: 128·r·(n + p + 2), or `nil` on overflow.
        public var memoryByteCount: UInt64? {
            let (np, o1) = n.addingReportingOverflow(p + 2)
            let (rnp, o2) = np.multipliedReportingOverflow(by: r)
            let (bytes, o3) = rnp.multipliedReportingOverflow(by: 128)
            return o1 || o2 || o3 ? nil : bytes
        }
    }

    /// `outputByteCount` bytes derived from `password` and `salt`.
    ///
    /// Refuses (typed error) parameters needing more than `memoryLimit` bytes, so a cost read
    /// from a file cannot make the process allocate without bound.
    public static func deriveKey<P: ContiguousBytes, S: ContiguousBytes>(
        password: P, salt: S, parameters: Parameters, outputByteCount: Int, memoryLimit: UInt64 = 1 << 31
    ) throws(CryptoError) -> SecretBytes {
        guard outputByteCount > 0, outputByteCount <= 1 << 20 else {
            throw .invalidParameter("scrypt output must be 1...1048576 bytes, got \(outputByteCount)")
        }
        guard let memory = parameters.memoryByteCount, memory <= memoryLimit else {
            throw .invalidParameter("scrypt parameters need more than the \(memoryLimit)-byte memory limit")
        }
        var derived = false
        let output = SecretBytes(count: outputByteCount) { out in
            derived = password.withUnsafeBytes { pw in
                salt.withUnsafeBytes { s in
                    withNonNullBase(pw) { pwBase in
                        withNonNullBase(s) { saltBase in
                            pwBase.withMemoryRebound(to: CChar.self, capacity: max(pw.count, 1)) { passwordChars in
                                EVP_PBE_scrypt(passwordChars, pw.count, saltBase, s.count,
                                               parameters.n, parameters.r, parameters.p, memory + 4096,
                                               out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count) == 1
                            }
                        }
                    }
                }
            }
        }
        guard derived else {
            ERR_clear_error()
            throw .openSSL(function: "EVP_PBE_scrypt")
        }
        return output
    }
}

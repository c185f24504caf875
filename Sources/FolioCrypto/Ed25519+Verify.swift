import COpenSSL

extension PublicKey {
    /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
    ///
    /// Follows libcrypto's checks: the key must decode to a curve point and S must be below
    /// the group order L, so a signature with L added to S is rejected (no malleability).
    public func isValidSignature<Bytes: ContiguousBytes>(_ signature: Signature, for message: Bytes) -> Bool {
        // Built per call: a decoded key carries no libcrypto object (3-4 µs against a verify's
        // 85-90 µs), so blocks and transactions decode without allocating per key.
        guard let key = withUnsafeBytes({ raw in try? EVPKey.ed25519(raw: raw, purpose: .verify) }) else { return false }
        let verdict = message.withUnsafeBytes { input in
            signature.withUnsafeBytes { sig in
                key.withContext { context in
                    withNonNullBase(input) { base in
                        EVP_DigestVerify(context, sig.baseAddress?.assumingMemoryBound(to: UInt8.self), sig.count, base, input.count)
                    }
                }
            }
        }
        if verdict != 1 { ERR_clear_error() }
        return verdict == 1
    }
}

/// Ed25519 (RFC 8032) entry points over raw bytes, for callers holding undecoded input.
public enum Ed25519 {
    /// Verifies `signature` over `message` with `publicKey`, all as raw bytes.
    ///
    /// Throws `CryptoError.invalidKeyLength` or `.invalidSignatureLength` for malformed
    /// lengths; returns `false` for a well-formed but invalid signature.
    public static func verify<Bytes: ContiguousBytes>(signature: [UInt8], message: Bytes,
                                                      publicKey: [UInt8]) throws(CryptoError) -> Bool {
        let key = try PublicKey(bytes: publicKey)
        return key.isValidSignature(try Signature(bytes: signature), for: message)
    }
}

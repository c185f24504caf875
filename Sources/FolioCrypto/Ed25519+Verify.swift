import COpenSSL
import Synchronization

extension PublicKey {
    /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
    ///
    /// Follows libcrypto's checks: the key must decode to a curve point and S must be below
    /// the group order L, so a signature with L added to S is rejected (no malleability).
    public func isValidSignature<Bytes: ContiguousBytes>(_ signature: Signature, for message: Bytes) -> Bool {
        guard let key = verifier.key(for: bytes) else { return false }
        let verdict = message.withUnsafeBytes { input in
            signature.bytes.withUnsafeBufferPointer { sig in
                key.withContext { context in
                    withNonNullBase(input) { base in
                        EVP_DigestVerify(context, sig.baseAddress, sig.count, base, input.count)
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

/// The verifying key of a `PublicKey`, built on first use and kept for the key's lifetime.
final class LazyVerifier: Sendable {
    private let built = Mutex<EVPKey?>(nil)

    /// The libcrypto key for `bytes`, or `nil` if libcrypto refuses it.
    func key(for bytes: [UInt8]) -> EVPKey? {
        built.withLock { slot -> EVPKey? in
            if let slot { return slot }
            let made = bytes.withUnsafeBytes { raw in try? EVPKey.ed25519(raw: raw, purpose: .verify) }
            slot = made
            return made
        }
    }
}

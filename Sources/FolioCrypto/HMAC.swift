import COpenSSL

/// HMAC-SHA256 (RFC 2104, FIPS 198-1) over libcrypto.
public enum HMACSHA256 {
    /// Tag length in bytes.
    public static let byteCount = 32

    /// The 32-byte HMAC-SHA256 of `message` under `key` (any key length; long keys are hashed).
    public static func authenticationCode<M: ContiguousBytes, K: ContiguousBytes>(
        for message: M, key: K
    ) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        let ok = key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                withNonNullBase(k) { keyBase in
                    withNonNullBase(m) { messageBase in
                        var length: UInt32 = 0
                        guard k.count <= Int(Int32.max) else { return false }
                        return HMAC(EVP_sha256(), keyBase, Int32(k.count), messageBase, m.count, &out, &length) != nil
                            && Int(length) == byteCount
                    }
                }
            }
        }
        guard ok else {
            ERR_clear_error()
            throw .openSSL(function: "HMAC")
        }
        return out
    }

    /// Whether `code` is the HMAC of `message` under `key`, compared in constant time.
    ///
    /// A `code` shorter than 32 bytes is compared against the same-length prefix (truncated
    /// HMAC, as RFC 4231 test case 5 uses); an empty or longer `code` never matches.
    public static func isValid<C: ContiguousBytes, M: ContiguousBytes, K: ContiguousBytes>(
        _ code: C, for message: M, key: K
    ) throws(CryptoError) -> Bool {
        let expected = try authenticationCode(for: message, key: key)
        let count = code.withUnsafeBytes { $0.count }
        guard count > 0, count <= byteCount else { return false }
        return ConstantTime.equals(expected[..<count], code)
    }
}

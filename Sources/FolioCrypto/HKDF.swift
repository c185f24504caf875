import COpenSSL

/// HKDF with SHA-256 (RFC 5869) over libcrypto's `EVP_PKEY_HKDF`.
public enum HKDFSHA256 {
    /// The longest output expand can produce: 255 blocks of 32 bytes.
    public static let maximumOutputByteCount = 255 * 32

    /// Extract: a 32-byte pseudorandom key from input keying material and an optional salt.
    public static func extract<I: ContiguousBytes, S: ContiguousBytes>(
        inputKeyMaterial: I, salt: S
    ) throws(CryptoError) -> SecretBytes {
        try derive(mode: EVP_PKEY_HKDEF_MODE_EXTRACT_ONLY, key: inputKeyMaterial, salt: salt, info: [UInt8](),
                   count: SHA256.byteCount)
    }

    /// Expand: `outputByteCount` bytes from a pseudorandom key and context `info`.
    public static func expand<P: ContiguousBytes, I: ContiguousBytes>(
        pseudoRandomKey: P, info: I, outputByteCount: Int
    ) throws(CryptoError) -> SecretBytes {
        try derive(mode: EVP_PKEY_HKDEF_MODE_EXPAND_ONLY, key: pseudoRandomKey, salt: [UInt8](), info: info,
                   count: outputByteCount)
    }

    /// Extract then expand in one call.
    public static func deriveKey<I: ContiguousBytes, S: ContiguousBytes, C: ContiguousBytes>(
        inputKeyMaterial: I, salt: S, info: C, outputByteCount: Int
    ) throws(CryptoError) -> SecretBytes {
        try derive(mode: EVP_PKEY_HKDEF_MODE_EXTRACT_AND_EXPAND, key: inputKeyMaterial, salt: salt, info: info,
                   count: outputByteCount)
    }

    private static func derive<K: ContiguousBytes, S: ContiguousBytes, I: ContiguousBytes>(
        mode: Int32, key: K, salt: S, info: I, count: Int
    ) throws(CryptoError) -> SecretBytes {
        guard count > 0, count <= maximumOutputByteCount else {
            throw .invalidParameter("HKDF output must be 1...\(maximumOutputByteCount) bytes, got \(count)")
        }
        let oversized = [key.withUnsafeBytes { $0.count }, salt.withUnsafeBytes { $0.count },
                         info.withUnsafeBytes { $0.count }].contains { $0 > 1 << 30 }
        guard !oversized else { throw .invalidParameter("HKDF inputs must each be under 1 GiB") }
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else { throw .openSSL(function: "EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        var ok = EVP_PKEY_derive_init(context) == 1
            && EVP_PKEY_CTX_set_hkdf_mode(context, mode) == 1
            && EVP_PKEY_CTX_set_hkdf_md(context, EVP_sha256()) == 1
        ok = ok && key.withUnsafeBytes { k in
            withNonNullBase(k) { EVP_PKEY_CTX_set1_hkdf_key(context, $0, Int32(k.count)) == 1 }
        }
        // An absent salt means HashLen zero bytes (RFC 5869 §2.2), which libcrypto applies itself.
        ok = ok && salt.withUnsafeBytes { s in
            s.isEmpty || withNonNullBase(s) { EVP_PKEY_CTX_set1_hkdf_salt(context, $0, Int32(s.count)) == 1 }
        }
        ok = ok && info.withUnsafeBytes { i in
            i.isEmpty || withNonNullBase(i) { EVP_PKEY_CTX_add1_hkdf_info(context, $0, Int32(i.count)) == 1 }
        }
        guard ok else {
            ERR_clear_error()
            throw .openSSL(function: "EVP_PKEY_CTX_set_hkdf")
        }
        var derived = false
        let output = SecretBytes(count: count) { out in
            var length = out.count
            derived = EVP_PKEY_derive(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) == 1
                && length == count
        }
        guard derived else {
            ERR_clear_error()
            throw .openSSL(function: "EVP_PKEY_derive")
        }
        return output
    }
}

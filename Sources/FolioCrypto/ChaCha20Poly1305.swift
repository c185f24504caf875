import COpenSSL

/// The ChaCha20-Poly1305 AEAD of RFC 8439: 32-byte key, 12-byte nonce, 16-byte tag.
///
/// A nonce must never repeat under one key; the caller owns that rule (a counter per session
/// direction is the usual way).
public enum ChaCha20Poly1305 {
    /// Key length in bytes.
    public static let keyByteCount = 32
    /// Nonce length in bytes.
    public static let nonceByteCount = 12
    /// Tag length in bytes.
    public static let tagByteCount = 16

    /// A ciphertext with its authentication tag.
    public struct SealedBox: Hashable, Sendable {
        /// The encrypted bytes, as long as the plaintext.
        public let ciphertext: [UInt8]
        /// The 16-byte Poly1305 tag over the associated data and ciphertext.
        public let tag: [UInt8]

        /// Pairs a ciphertext with its tag; throws `CryptoError.invalidParameter` unless the tag is 16 bytes.
        public init(ciphertext: [UInt8], tag: [UInt8]) throws(CryptoError) {
            guard tag.count == ChaCha20Poly1305.tagByteCount else {
                throw .invalidParameter("tag must be \(ChaCha20Poly1305.tagByteCount) bytes, got \(tag.count)")
            }
            self.ciphertext = ciphertext
            self.tag = tag
        }
    }

    /// Encrypts `plaintext` and authenticates it together with `associatedData`.
    public static func seal<P: ContiguousBytes, K: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
        _ plaintext: P, key: K, nonce: N, authenticating associatedData: A
    ) throws(CryptoError) -> SealedBox {
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        let ciphertext = try AEADRun(encrypt: true, key: key, nonce: nonce).run(input: plaintext, aad: associatedData, tag: &tag)
        return try SealedBox(ciphertext: ciphertext, tag: tag)
    }

    /// Checks the tag and returns the plaintext.
    ///
    /// Throws `CryptoError.authenticationFailed` if the ciphertext, tag, associated data, key or
    /// nonce differ from what was sealed; no plaintext is released in that case.
    public static func open<K: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
        _ box: SealedBox, key: K, nonce: N, authenticating associatedData: A
    ) throws(CryptoError) -> [UInt8] {
        var tag = box.tag
        return try AEADRun(encrypt: false, key: key, nonce: nonce).run(input: box.ciphertext, aad: associatedData, tag: &tag)
    }
}

/// One seal or open through an `EVP_CIPHER_CTX`.
private struct AEADRun<K: ContiguousBytes, N: ContiguousBytes> {
    let encrypt: Bool
    let key: K
    let nonce: N

    /// Encrypts or decrypts `input`; on encrypt fills `tag`, on decrypt checks it.
    func run<I: ContiguousBytes, A: ContiguousBytes>(input: I, aad: A, tag: inout [UInt8]) throws(CryptoError) -> [UInt8] {
        let keyCount = key.withUnsafeBytes { $0.count }, nonceCount = nonce.withUnsafeBytes { $0.count }
        guard keyCount == ChaCha20Poly1305.keyByteCount else {
            throw .invalidKeyLength(expected: ChaCha20Poly1305.keyByteCount, actual: keyCount)
        }
        guard nonceCount == ChaCha20Poly1305.nonceByteCount else {
            throw .invalidParameter("nonce must be \(ChaCha20Poly1305.nonceByteCount) bytes, got \(nonceCount)")
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw .openSSL(function: "EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }
        let started = key.withUnsafeBytes { k in
            nonce.withUnsafeBytes { n in
                EVP_CipherInit_ex(context, EVP_chacha20_poly1305(), nil, k.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                  n.baseAddress?.assumingMemoryBound(to: UInt8.self), encrypt ? 1 : 0) == 1
            }
        }
        guard started else { return try failure("EVP_CipherInit_ex") }
        guard aad.withUnsafeBytes({ feed(context, $0, into: nil) }) else { return try failure("EVP_CipherUpdate") }

        let inputCount = input.withUnsafeBytes { $0.count }
        var output = [UInt8](repeating: 0, count: inputCount)
        let updated = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { feed(context, source, into: $0.baseAddress) }
        }
        guard updated else { return try failure("EVP_CipherUpdate") }

        if !encrypt {
            let set = tag.withUnsafeMutableBytes {
                EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32($0.count), $0.baseAddress) == 1
            }
            guard set else { return try failure("EVP_CIPHER_CTX_ctrl") }
        }
        var finalCount: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        guard EVP_CipherFinal_ex(context, &scratch, &finalCount) == 1 else {
            ERR_clear_error()
            output.withUnsafeMutableBytes { if let base = $0.baseAddress { OPENSSL_cleanse(base, $0.count) } }
            throw encrypt ? .openSSL(function: "EVP_CipherFinal_ex") : .authenticationFailed
        }
        if encrypt {
            let got = tag.withUnsafeMutableBytes {
                EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, Int32($0.count), $0.baseAddress) == 1
            }
            guard got else { return try failure("EVP_CIPHER_CTX_ctrl") }
        }
        return output
    }

    /// Feeds `source` through the cipher in chunks libcrypto's `Int32` lengths can carry.
    private func feed(_ context: OpaquePointer, _ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawPointer?) -> Bool {
        var offset = 0
        while offset < source.count {
            let chunk = min(source.count - offset, 1 << 30)
            var written: Int32 = 0
            let from = source.baseAddress.unsafelyUnwrapped.advanced(by: offset).assumingMemoryBound(to: UInt8.self)
            let to = destination.map { $0.advanced(by: offset).assumingMemoryBound(to: UInt8.self) }
            guard EVP_CipherUpdate(context, to, &written, from, Int32(chunk)) == 1,
                  destination == nil || Int(written) == chunk else { return false }
            offset += chunk
        }
        return true
    }

    private func failure(_ function: String) throws(CryptoError) -> [UInt8] {
        ERR_clear_error()
        throw .openSSL(function: function)
    }
}

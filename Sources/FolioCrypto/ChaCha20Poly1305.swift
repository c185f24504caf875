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

extension ChaCha20Poly1305 {
    /// Encrypts `plaintext` and returns the ciphertext followed by its 16-byte tag in one array,
    /// the layout a transport sends: one allocation, no zero fill, no joining afterwards.
    public static func sealCombined<P: ContiguousBytes, K: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
        _ plaintext: P, key: K, nonce: N, authenticating associatedData: A
    ) throws(CryptoError) -> [UInt8] {
        try CombinedLayout.seal(plaintext) { input, output, tag throws(CryptoError) in
            try AEADRun(encrypt: true, key: key, nonce: nonce).run(input: input, aad: associatedData, output: output, tag: tag)
        }
    }

    /// Checks the tag at the end of `sealed` (ciphertext then tag) and returns the plaintext.
    ///
    /// Throws `CryptoError.authenticationFailed` if anything differs from what was sealed, or if
    /// `sealed` is shorter than a tag; no plaintext is released in that case.
    public static func openCombined<S: ContiguousBytes, K: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
        _ sealed: S, key: K, nonce: N, authenticating associatedData: A
    ) throws(CryptoError) -> [UInt8] {
        try CombinedLayout.open(sealed) { input, output, tag throws(CryptoError) in
            try AEADRun(encrypt: false, key: key, nonce: nonce).run(input: input, aad: associatedData, output: output, tag: tag)
        }
    }
}

/// Ciphertext then tag in one array: the buffers around one cipher run, shared by the one-shot
/// functions and `ChaCha20Poly1305.KeyedCipher`. `run` gets the input, the output and the tag.
enum CombinedLayout {
    typealias Run = (UnsafeRawBufferPointer, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt8>) throws(CryptoError) -> Void

    /// The sealed array: `run` encrypts into its front and writes the tag after.
    static func seal<P: ContiguousBytes>(_ plaintext: P, _ run: Run) throws(CryptoError) -> [UInt8] {
        let count = plaintext.withUnsafeBytes { $0.count }
        let tagCount = ChaCha20Poly1305.tagByteCount
        var failure: CryptoError?
        let sealed = [UInt8](unsafeUninitializedCapacity: count + tagCount) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            failure = plaintext.withUnsafeBytes { source in
                attempt { () throws(CryptoError) in try run(source, base, base + count) }
            }
            if failure == nil { initialized = count + tagCount }
        }
        if let failure { throw failure }
        return sealed
    }

    /// The opened plaintext: `run` decrypts the front of `sealed` and checks the trailing tag.
    static func open<S: ContiguousBytes>(_ sealed: S, _ run: Run) throws(CryptoError) -> [UInt8] {
        let tagCount = ChaCha20Poly1305.tagByteCount
        let count = sealed.withUnsafeBytes { $0.count } - tagCount
        guard count >= 0 else { throw .authenticationFailed }
        var failure: CryptoError?
        let plaintext = [UInt8](unsafeUninitializedCapacity: max(count, 1)) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            failure = sealed.withUnsafeBytes { input in
                guard let start = input.baseAddress else { return CryptoError.authenticationFailed }
                // The tag is only read on open; OpenSSL's control call takes it as mutable memory.
                var tag: (UInt64, UInt64) = (0, 0)
                return withUnsafeMutableBytes(of: &tag) { tagBytes in
                    tagBytes.copyMemory(from: UnsafeRawBufferPointer(start: start + count, count: tagCount))
                    guard let tagBase = tagBytes.baseAddress else { return CryptoError.authenticationFailed }
                    return attempt { () throws(CryptoError) in
                        try run(UnsafeRawBufferPointer(start: start, count: count), base, tagBase.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
            if failure == nil { initialized = count }
        }
        if let failure { throw failure }
        return plaintext
    }
}

/// Runs `body` and returns its error, for the `rethrows` byte-access closures of
/// `ContiguousBytes`, which cannot carry a typed error out.
func attempt(_ body: () throws(CryptoError) -> Void) -> CryptoError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// One seal or open through an `EVP_CIPHER_CTX`.
private struct AEADRun<K: ContiguousBytes, N: ContiguousBytes> {
    let encrypt: Bool
    let key: K
    let nonce: N

    /// Encrypts or decrypts `input`; on encrypt fills `tag`, on decrypt checks it.
    func run<I: ContiguousBytes, A: ContiguousBytes>(input: I, aad: A, tag: inout [UInt8]) throws(CryptoError) -> [UInt8] {
        let inputCount = input.withUnsafeBytes { $0.count }
        guard tag.count == ChaCha20Poly1305.tagByteCount else {
            throw .invalidParameter("tag must be \(ChaCha20Poly1305.tagByteCount) bytes, got \(tag.count)")
        }
        var output = [UInt8](repeating: 0, count: max(inputCount, 1))
        let failure = output.withUnsafeMutableBufferPointer { out -> CryptoError? in
            tag.withUnsafeMutableBufferPointer { tagBuffer -> CryptoError? in
                guard let outBase = out.baseAddress, let tagBase = tagBuffer.baseAddress else {
                    return CryptoError.openSSL(function: "buffer")
                }
                return input.withUnsafeBytes { source -> CryptoError? in
                    attempt { () throws(CryptoError) in try run(input: source, aad: aad, output: outBase, tag: tagBase) }
                }
            }
        }
        if let failure { throw failure }
        if inputCount == 0 { output.removeAll() }
        return output
    }

    /// The cipher over raw memory: `input.count` bytes to `output`; on encrypt writes the
    /// 16-byte tag at `tag`, on decrypt checks the tag found there. On a failed open the output
    /// is wiped before the error is thrown.
    func run<A: ContiguousBytes>(input: UnsafeRawBufferPointer, aad: A, output: UnsafeMutablePointer<UInt8>,
                                 tag: UnsafeMutablePointer<UInt8>) throws(CryptoError) {
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
        guard started else { throw AEADStep.failure("EVP_CipherInit_ex") }
        try AEADStep.process(context, encrypt: encrypt, input: input, aad: aad, output: output, tag: tag)
    }
}

/// The part of a seal or open after the key and nonce are set: associated data, the message,
/// then the tag (written on encrypt, checked on decrypt). Shared by one-shot runs and by
/// `ChaCha20Poly1305.KeyedCipher`, which sets its key once.
enum AEADStep {
    /// Runs the cipher over `input` into `output`. On a failed open the output is wiped before
    /// the error is thrown.
    static func process<A: ContiguousBytes>(_ context: OpaquePointer, encrypt: Bool, input: UnsafeRawBufferPointer, aad: A,
                                            output: UnsafeMutablePointer<UInt8>, tag: UnsafeMutablePointer<UInt8>) throws(CryptoError) {
        guard aad.withUnsafeBytes({ feed(context, $0, into: nil) }) else { throw failure("EVP_CipherUpdate") }
        guard feed(context, input, into: UnsafeMutableRawPointer(output)) else { throw failure("EVP_CipherUpdate") }

        let tagCount = Int32(ChaCha20Poly1305.tagByteCount)
        if !encrypt {
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, tagCount, tag) == 1 else {
                throw failure("EVP_CIPHER_CTX_ctrl")
            }
        }
        var finalCount: Int32 = 0
        var scratch: (UInt64, UInt64) = (0, 0)
        let finished = withUnsafeMutableBytes(of: &scratch) {
            EVP_CipherFinal_ex(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &finalCount) == 1
        }
        guard finished else {
            ERR_clear_error()
            OPENSSL_cleanse(output, input.count)
            throw encrypt ? .openSSL(function: "EVP_CipherFinal_ex") : .authenticationFailed
        }
        if encrypt {
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, tagCount, tag) == 1 else {
                throw failure("EVP_CIPHER_CTX_ctrl")
            }
        }
    }

    /// Feeds `source` through the cipher in chunks libcrypto's `Int32` lengths can carry.
    private static func feed(_ context: OpaquePointer, _ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawPointer?) -> Bool {
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

    static func failure(_ function: String) -> CryptoError {
        ERR_clear_error()
        return .openSSL(function: function)
    }
}

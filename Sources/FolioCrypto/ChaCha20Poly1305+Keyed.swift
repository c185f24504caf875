import COpenSSL
import Synchronization

extension ChaCha20Poly1305 {
    /// One key set up in libcrypto once, for many messages under it: a transport's direction.
    ///
    /// The one-shot `sealCombined`/`openCombined` make a cipher context and run the key setup
    /// for every message; at 16 KiB frames that setup was a fifth of the open side's time.
    /// Here each message only sets its nonce. The same rule holds: a nonce must never repeat
    /// under the key. Calls are serialised by a lock, so sharing one across threads is safe
    /// (a session uses its own from one place at a time, so the lock is never contended).
    public final class KeyedCipher: Sendable {
        // The context pointer is only touched under `lock`, from init to deinit.
        private nonisolated(unsafe) let context: OpaquePointer
        private let lock = Mutex(())

        /// Sets up `key` (32 bytes); throws `invalidKeyLength` for any other size.
        public init<K: ContiguousBytes>(key: K) throws(CryptoError) {
            let keyCount = key.withUnsafeBytes { $0.count }
            guard keyCount == ChaCha20Poly1305.keyByteCount else {
                throw .invalidKeyLength(expected: ChaCha20Poly1305.keyByteCount, actual: keyCount)
            }
            guard let context = EVP_CIPHER_CTX_new() else { throw .openSSL(function: "EVP_CIPHER_CTX_new") }
            let started = key.withUnsafeBytes { k in
                EVP_CipherInit_ex(context, EVP_chacha20_poly1305(), nil, k.baseAddress?.assumingMemoryBound(to: UInt8.self), nil, 1) == 1
            }
            guard started else {
                EVP_CIPHER_CTX_free(context)
                throw AEADStep.failure("EVP_CipherInit_ex")
            }
            self.context = context
        }

        deinit {
            // Freeing the context also wipes the key schedule it holds.
            EVP_CIPHER_CTX_free(context)
        }

        /// Encrypts `plaintext` under `nonce` and returns the ciphertext followed by its tag.
        public func sealCombined<P: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
            _ plaintext: P, nonce: N, authenticating associatedData: A
        ) throws(CryptoError) -> [UInt8] {
            try CombinedLayout.seal(plaintext) { input, output, tag throws(CryptoError) in
                try run(encrypt: true, nonce: nonce, input: input, aad: associatedData, output: output, tag: tag)
            }
        }

        /// Checks the tag at the end of `sealed` (ciphertext then tag) under `nonce` and returns
        /// the plaintext; throws `authenticationFailed` for anything altered or shorter than a tag.
        public func openCombined<S: ContiguousBytes, N: ContiguousBytes, A: ContiguousBytes>(
            _ sealed: S, nonce: N, authenticating associatedData: A
        ) throws(CryptoError) -> [UInt8] {
            try CombinedLayout.open(sealed) { input, output, tag throws(CryptoError) in
                try run(encrypt: false, nonce: nonce, input: input, aad: associatedData, output: output, tag: tag)
            }
        }

        /// Sets the nonce and direction on the kept key, then runs the shared AEAD step.
        private func run<N: ContiguousBytes, A: ContiguousBytes>(
            encrypt: Bool, nonce: N, input: UnsafeRawBufferPointer, aad: A,
            output: UnsafeMutablePointer<UInt8>, tag: UnsafeMutablePointer<UInt8>
        ) throws(CryptoError) {
            let nonceCount = nonce.withUnsafeBytes { $0.count }
            guard nonceCount == ChaCha20Poly1305.nonceByteCount else {
                throw .invalidParameter("nonce must be \(ChaCha20Poly1305.nonceByteCount) bytes, got \(nonceCount)")
            }
            try lock.withLock { _ throws(CryptoError) in
                // No cipher and no key: libcrypto keeps the key schedule and resets the AEAD state.
                let started = nonce.withUnsafeBytes { n in
                    EVP_CipherInit_ex(context, nil, nil, nil, n.baseAddress?.assumingMemoryBound(to: UInt8.self), encrypt ? 1 : 0) == 1
                }
                guard started else { throw AEADStep.failure("EVP_CipherInit_ex") }
                try AEADStep.process(context, encrypt: encrypt, input: input, aad: aad, output: output, tag: tag)
            }
        }
    }
}

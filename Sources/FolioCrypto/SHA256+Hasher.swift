import COpenSSL

extension SHA256 {
    /// Incremental SHA-256: feed bytes with `update`, read the digest with `finalize`.
    ///
    /// A value type whose whole state is one `SHA256_CTX` held inline: copying a hasher
    /// copies the running state, so a shared prefix can be hashed once and reused.
    public struct Hasher: Sendable {
        @usableFromInline var context: SHA256_CTX

        /// A hasher with nothing absorbed yet.
        @inlinable
        public init() {
            context = SHA256_CTX()
            // SHA256_Init only stores constants; it cannot fail.
            _ = folio_sha256_init(&context)
        }

        /// Absorbs `data`.
        @inlinable
        public mutating func update<Bytes: ContiguousBytes>(_ data: Bytes) {
            data.withUnsafeBytes { update(bufferPointer: $0) }
        }

        /// Absorbs the bytes of `buffer`.
        @inlinable
        public mutating func update(bufferPointer buffer: UnsafeRawBufferPointer) {
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            _ = folio_sha256_update(&context, base, buffer.count)
        }

        /// The digest of everything absorbed so far; the hasher itself is left unchanged.
        @inlinable
        public func finalize() -> Hash256 {
            var copy = context
            return SHA256.finish(&copy)
        }
    }

    /// Pads and finishes `context` (which is consumed) and returns its digest.
    @inlinable
    static func finish(_ context: inout SHA256_CTX) -> Hash256 {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { out in
            _ = folio_sha256_final(out.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self), &context)
        }
        return Hash256(w0: UInt64(littleEndian: words.0), w1: UInt64(littleEndian: words.1),
                       w2: UInt64(littleEndian: words.2), w3: UInt64(littleEndian: words.3))
    }
}

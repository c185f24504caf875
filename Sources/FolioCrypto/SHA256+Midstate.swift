import COpenSSL

extension SHA256 {
    /// The SHA-256 state after the first 64 bytes of an 80-byte block header.
    ///
    /// A proof-of-work miner changes only the nonce, which sits in the last 16 bytes; the
    /// first compression is the same for every nonce. `doubleHash(tail:)` copies this state
    /// by value, absorbs the 16-byte tail, and hashes the result again: two compressions of
    /// the first hash plus one of the second, with nothing allocated.
    public struct Midstate: Sendable {
        /// Bytes absorbed before the state is captured: one SHA-256 block.
        public static let prefixByteCount = 64
        /// Bytes hashed per call on top of the captured state.
        public static let tailByteCount = 16

        @usableFromInline let context: SHA256_CTX

        /// Captures the state after absorbing `prefix`, which must be exactly 64 bytes.
        public init<Bytes: ContiguousBytes>(prefix: Bytes) throws(CryptoError) {
            let count = prefix.withUnsafeBytes { $0.count }
            guard count == Self.prefixByteCount else {
                throw .invalidParameter("midstate prefix must be \(Self.prefixByteCount) bytes, got \(count)")
            }
            var hasher = Hasher()
            hasher.update(prefix)
            context = hasher.context
        }

        /// SHA-256(SHA-256(prefix ‖ tail)); `tail` must be exactly 16 bytes.
        @inlinable
        public func doubleHash<Bytes: ContiguousBytes>(tail: Bytes) throws(CryptoError) -> Hash256 {
            let result: Hash256? = tail.withUnsafeBytes { buffer in
                guard buffer.count == Self.tailByteCount, let base = buffer.baseAddress else { return nil }
                return doubleHash(tail16: base)
            }
            guard let result else { throw .invalidParameter("midstate tail must be \(Self.tailByteCount) bytes") }
            return result
        }

        /// SHA-256(SHA-256(prefix ‖ the 16 bytes at `tail`)) — the miner's inner loop.
        ///
        /// The caller guarantees 16 readable bytes at `tail`; the checked overload is
        /// `doubleHash(tail:)`.
        @inlinable
        public func doubleHash(tail16 tail: UnsafeRawPointer) -> Hash256 {
            var first = context
            _ = folio_sha256_update(&first, tail, Self.tailByteCount)
            var inner: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &inner) { out in
                _ = folio_sha256_final(out.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self), &first)
            }
            var second = SHA256_CTX()
            _ = folio_sha256_init(&second)
            withUnsafeBytes(of: &inner) { digest in
                _ = folio_sha256_update(&second, digest.baseAddress.unsafelyUnwrapped, digest.count)
            }
            return SHA256.finish(&second)
        }
    }
}

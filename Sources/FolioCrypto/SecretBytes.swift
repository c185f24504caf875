import COpenSSL

/// Fixed-size secret bytes (a key seed, a scalar, a shared secret) that are wiped when the
/// last copy is released.
///
/// The bytes live in one heap buffer owned by a final class; `deinit` overwrites them with
/// `OPENSSL_cleanse`, which the compiler may not elide, before freeing the buffer. Copies of a
/// `SecretBytes` share that buffer, so no stray copy of the secret is left in memory.
public struct SecretBytes: Sendable, ContiguousBytes {
    @usableFromInline let storage: Storage

    /// Copies `bytes` into a new wiping buffer.
    public init<Bytes: ContiguousBytes>(copying bytes: Bytes) {
        storage = bytes.withUnsafeBytes { Storage(copying: $0, onRelease: nil) }
    }

    /// A buffer of `count` bytes filled by `body`, then wiped on release.
    init<E: Error>(count: Int, onRelease: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil,
                   fill body: (UnsafeMutableRawBufferPointer) throws(E) -> Void) throws(E) {
        let storage = Storage(count: count, onRelease: onRelease)
        try body(storage.buffer)
        self.storage = storage
    }

    /// The number of bytes.
    public var count: Int { storage.buffer.count }

    /// Calls `body` with the secret bytes; do not let the pointer escape.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(storage.buffer))
    }

    /// Compares in time independent of where the bytes differ.
    public func constantTimeEquals<Other: ContiguousBytes>(_ other: Other) -> Bool {
        ConstantTime.equals(self, other)
    }

    /// Owns the buffer; wipes it in `deinit`.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        // Written only while the owning initializer runs, read-only afterwards.
        @usableFromInline let buffer: UnsafeMutableRawBufferPointer
        private let onRelease: (@Sendable (UnsafeRawBufferPointer) -> Void)?

        init(count: Int, onRelease: (@Sendable (UnsafeRawBufferPointer) -> Void)?) {
            buffer = .allocate(byteCount: max(count, 0), alignment: 16)
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            self.onRelease = onRelease
        }

        convenience init(copying bytes: UnsafeRawBufferPointer, onRelease: (@Sendable (UnsafeRawBufferPointer) -> Void)?) {
            self.init(count: bytes.count, onRelease: onRelease)
            buffer.copyMemory(from: bytes)
        }

        deinit {
            if let base = buffer.baseAddress, buffer.count > 0 {
                OPENSSL_cleanse(base, buffer.count)
            }
            // Test hook: lets a test read the buffer after the wipe, before it is freed.
            onRelease?(UnsafeRawBufferPointer(buffer))
            buffer.deallocate()
        }
    }
}

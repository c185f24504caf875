import COpenSSL

/// SHA-256 (FIPS 180-4) over libcrypto.
public enum SHA256 {
    /// The digest of `data` in one call.
    public static func hash<Bytes: ContiguousBytes>(_ data: Bytes) -> Hash256 {
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        data.withUnsafeBytes { input in
            withUnsafeMutableBytes(of: &out) { output in
                _ = COpenSSL.SHA256(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count,
                                    output.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        return Hash256(w0: UInt64(littleEndian: out.0), w1: UInt64(littleEndian: out.1),
                       w2: UInt64(littleEndian: out.2), w3: UInt64(littleEndian: out.3))
    }

    /// SHA-256 applied twice, as block-header hashing uses it.
    public static func doubleHash<Bytes: ContiguousBytes>(_ data: Bytes) -> Hash256 {
        hash(hash(data).bytes)
    }
}

/// Byte containers that can lend their storage without a copy.
public protocol ContiguousBytes {
    /// Calls `body` with the bytes.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytes where Element == UInt8 {}
extension ArraySlice: ContiguousBytes where Element == UInt8 {}
extension UnsafeRawBufferPointer: ContiguousBytes {
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(self) }
}

/// A work's 256-bit perceptual fingerprint (see FINGERPRINT.md): 32 bytes, compared by
/// Hamming distance.
public struct Fingerprint: Hashable, Sendable {
    /// Bytes in a fingerprint.
    public static let byteCount = 32
    /// Bits in a fingerprint, the largest possible distance.
    public static let bitCount = 256

    /// The 32 fingerprint bytes, bit 0 is the low bit of byte 0.
    public let bytes: [UInt8]

    /// Wraps exactly 32 bytes; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Fingerprint.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Number of bits in which the two fingerprints differ (0...256).
    public func distance(to other: Fingerprint) -> Int {
        var total = 0
        for (a, b) in zip(bytes, other.bytes) { total += (a ^ b).nonzeroBitCount }
        return total
    }
}

extension Fingerprint: CanonicalCodable {
    /// 32 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { writer.writeRaw(bytes) }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let raw = try reader.readRaw(count: Fingerprint.byteCount)
        guard let fingerprint = Fingerprint(bytes: raw) else {
            throw .invalidValue(type: "Fingerprint", reason: "not \(Fingerprint.byteCount) bytes")
        }
        self = fingerprint
    }
}

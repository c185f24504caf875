import FolioCrypto

/// Appends canonical bytes. Writing cannot fail: every length it writes is the real one.
public struct CanonicalWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer, reserving `capacity` bytes.
    public init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Writes one byte.
    public mutating func write(_ value: UInt8) { bytes.append(value) }

    /// Writes two bytes, least significant first.
    public mutating func write(_ value: UInt16) { appendLittleEndian(value) }

    /// Writes four bytes, least significant first.
    public mutating func write(_ value: UInt32) { appendLittleEndian(value) }

    /// Writes eight bytes, least significant first.
    public mutating func write(_ value: UInt64) { appendLittleEndian(value) }

    /// Writes eight bytes of the two's-complement value, least significant first.
    public mutating func write(_ value: Int64) { appendLittleEndian(UInt64(bitPattern: value)) }

    /// Writes `1` for true and `0` for false.
    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes an unsigned LEB128 varint in its shortest form: 7 bits a byte, low group first,
    /// the high bit set on every byte but the last.
    public mutating func writeVarInt(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes a count or length as a varint.
    public mutating func writeLength(_ count: Int) { writeVarInt(UInt64(count)) }

    /// Writes bytes as they are, with no length: for fixed-size fields only.
    public mutating func writeRaw<Bytes: Sequence>(_ raw: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: raw)
    }

    /// Writes a varint length, then the bytes.
    public mutating func writeBlob(_ blob: [UInt8]) {
        writeLength(blob.count)
        bytes.append(contentsOf: blob)
    }

    /// Writes a string as a varint length and its UTF-8 bytes.
    public mutating func writeString(_ string: String) {
        let utf8 = string.utf8
        writeLength(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    /// Writes a nested value.
    public mutating func write<Value: CanonicalEncodable>(_ value: Value) {
        value.encode(to: &self)
    }

    /// Writes a varint count, then each element.
    public mutating func writeList<Value: CanonicalEncodable>(_ values: [Value]) {
        writeLength(values.count)
        for value in values { value.encode(to: &self) }
    }

    /// Writes `0` for nil, or `1` and the value.
    public mutating func writeOptional<Value: CanonicalEncodable>(_ value: Value?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        value.encode(to: &self)
    }

    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

import FolioCrypto

/// Appends canonical bytes. Writing cannot fail: every length it writes is the real one.
public struct CanonicalWriter: Sendable {
    // `storage` is kept longer than what was written (zero-filled past `count`), so a field is
    // stored into room already there: one bounds check and a plain store, where appending to
    // an array paid a uniqueness check, a capacity check and a `memmove` call per field
    // (about 20 ns each, 170 ns per transaction).
    private var storage: [UInt8]
    private var count = 0

    /// Creates an empty writer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 128) {
        storage = [UInt8](repeating: 0, count: Swift.max(capacity, 16))
    }

    /// The bytes written so far (a copy when the writer has spare room: prefer `finish()`).
    public var bytes: [UInt8] {
        count == storage.count ? storage : Array(storage[..<count])
    }

    /// The bytes written, without a copy: the spare room is cut off in place. The writer is
    /// left holding exactly those bytes and can go on writing.
    public mutating func finish() -> [UInt8] {
        if storage.count > count { storage.removeLast(storage.count - count) }
        return storage
    }

    /// Writes one byte.
    public mutating func write(_ value: UInt8) {
        reserve(1)
        storage[count] = value
        count += 1
    }

    /// Writes two bytes, least significant first.
    public mutating func write(_ value: UInt16) { appendLittleEndian(value) }

    /// Writes four bytes, least significant first.
    public mutating func write(_ value: UInt32) { appendLittleEndian(value) }

    /// Writes eight bytes, least significant first.
    public mutating func write(_ value: UInt64) { appendLittleEndian(value) }

    /// Writes eight bytes of the two's-complement value, least significant first.
    public mutating func write(_ value: Int64) { appendLittleEndian(UInt64(bitPattern: value)) }

    /// Writes `1` for true and `0` for false.
    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    /// Writes an unsigned LEB128 varint in its shortest form: 7 bits a byte, low group first,
    /// the high bit set on every byte but the last.
    public mutating func writeVarInt(_ value: UInt64) {
        reserve(10)
        var rest = value
        var end = count
        storage.withUnsafeMutableBytes { raw in
            while rest >= 0x80 {
                raw[end] = UInt8(truncatingIfNeeded: rest) | 0x80
                rest >>= 7
                end += 1
            }
            raw[end] = UInt8(rest)
        }
        count = end + 1
    }

    /// Writes a count or length as a varint.
    public mutating func writeLength(_ count: Int) { writeVarInt(UInt64(count)) }

    /// Writes bytes as they are, with no length: for fixed-size fields only.
    public mutating func writeRaw<Bytes: Sequence>(_ raw: Bytes) where Bytes.Element == UInt8 {
        let contiguous: Void? = raw.withContiguousStorageIfAvailable { buffer in
            writeRaw(UnsafeRawBufferPointer(buffer))
        }
        guard contiguous == nil else { return }
        for byte in raw { write(byte) }
    }

    /// Writes raw memory as it is, with no length: keys, signatures, hashes and integers.
    public mutating func writeRaw(_ raw: UnsafeRawBufferPointer) {
        let size = raw.count
        guard size > 0 else { return }
        reserve(size)
        let start = count
        storage.withUnsafeMutableBytes { destination in
            // Fixed sizes the codec writes most are plain word moves; the rest one copy.
            switch size {
            case 32:
                destination.storeBytes(of: raw.loadUnaligned(as: (UInt64, UInt64, UInt64, UInt64).self),
                                       toByteOffset: start, as: (UInt64, UInt64, UInt64, UInt64).self)
            case 20:
                destination.storeBytes(of: raw.loadUnaligned(as: (UInt64, UInt64).self),
                                       toByteOffset: start, as: (UInt64, UInt64).self)
                destination.storeBytes(of: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self),
                                       toByteOffset: start + 16, as: UInt32.self)
            default:
                UnsafeMutableRawBufferPointer(rebasing: destination[start..<start + size]).copyMemory(from: raw)
            }
        }
        count += size
    }

    /// Writes a varint length, then the bytes.
    public mutating func writeBlob(_ blob: [UInt8]) {
        writeLength(blob.count)
        blob.withUnsafeBytes { writeRaw($0) }
    }

    /// Writes a string as a varint length and its UTF-8 bytes.
    public mutating func writeString(_ string: String) {
        let utf8 = string.utf8
        writeLength(utf8.count)
        writeRaw(utf8)
    }

    /// Writes a nested value.
    public mutating func write<Value: CanonicalEncodable>(_ value: Value) {
        value.encode(to: &self)
    }

    /// Writes a varint count, then each element.
    public mutating func writeList<Value: CanonicalEncodable>(_ values: [Value]) {
        writeLength(values.count)
        // Each element is encoded in place from the array's storage: iterating `for value in`
        // copied every transaction (retaining its payload) only to destroy the copy.
        values.withUnsafeBufferPointer { elements in
            for index in elements.indices { elements[index].encode(to: &self) }
        }
    }

    /// Writes `0` for nil, or `1` and the value.
    public mutating func writeOptional<Value: CanonicalEncodable>(_ value: Value?) {
        guard let value else { write(UInt8(0)); return }
        write(UInt8(1))
        value.encode(to: &self)
    }

    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        reserve(MemoryLayout<T>.size)
        let start = count
        storage.withUnsafeMutableBytes { $0.storeBytes(of: value.littleEndian, toByteOffset: start, as: T.self) }
        count += MemoryLayout<T>.size
    }

    /// Makes room for `size` more bytes, at least doubling, so appends stay amortised O(1).
    private mutating func reserve(_ size: Int) {
        let needed = count + size
        guard needed > storage.count else { return }
        let grown = Swift.max(needed, storage.count * 2)
        storage.append(contentsOf: repeatElement(0, count: grown - storage.count))
    }
}

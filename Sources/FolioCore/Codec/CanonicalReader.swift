/// Reads canonical bytes with every length checked against what remains before it is used,
/// and every variable-length field checked against a cap, so hostile input can neither
/// overrun the buffer nor make the reader allocate more than the input could hold.
public struct CanonicalReader: Sendable {
    private let bytes: [UInt8]
    /// Index of the next byte to read.
    public private(set) var position: Int

    /// Creates a reader over `bytes`, starting at the first byte.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
    }

    /// Bytes not yet read.
    public var remaining: Int { bytes.count - position }

    /// Throws `trailingBytes` unless every byte has been read.
    public func finish() throws(CodecError) {
        guard remaining == 0 else { throw .trailingBytes(count: remaining) }
    }

    /// Reads one byte.
    public mutating func readUInt8() throws(CodecError) -> UInt8 {
        try require(1)
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads a little-endian `UInt16`.
    public mutating func readUInt16() throws(CodecError) -> UInt16 { try readLittleEndian() }

    /// Reads a little-endian `UInt32`.
    public mutating func readUInt32() throws(CodecError) -> UInt32 { try readLittleEndian() }

    /// Reads a little-endian `UInt64`.
    public mutating func readUInt64() throws(CodecError) -> UInt64 { try readLittleEndian() }

    /// Reads a little-endian two's-complement `Int64`.
    public mutating func readInt64() throws(CodecError) -> Int64 { Int64(bitPattern: try readLittleEndian()) }

    /// Reads a boolean; any byte other than 0 or 1 is invalid.
    public mutating func readBool() throws(CodecError) -> Bool {
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        case let other: throw .invalidValue(type: "Bool", reason: "byte \(other) is neither 0 nor 1")
        }
    }

    /// Reads an unsigned LEB128 varint, rejecting a non-minimal form and values over 64 bits.
    public mutating func readVarInt() throws(CodecError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readUInt8()
            let group = UInt64(byte & 0x7f)
            if shift == 63 && group > 1 { throw .varIntOverflow }
            value |= group << shift
            if byte & 0x80 == 0 {
                // A final zero group after other groups adds nothing: a shorter form exists.
                if byte == 0 && shift > 0 { throw .nonMinimalVarInt }
                return value
            }
            shift += 7
            if shift > 63 { throw .varIntOverflow }
        }
    }

    /// Reads a varint length or count for `field` and checks it against `cap`.
    public mutating func readLength(field: String, cap: Int) throws(CodecError) -> Int {
        let length = try readVarInt()
        guard cap >= 0, length <= UInt64(cap) else { throw .lengthOverCap(field: field, length: length, cap: cap) }
        return Int(length)
    }

    /// Reads exactly `count` bytes with no length prefix.
    public mutating func readRaw(count: Int) throws(CodecError) -> [UInt8] {
        try require(count)
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Calls `body` with the next `count` bytes in place, then moves past them.
    public mutating func withRaw<R>(count: Int, _ body: (ArraySlice<UInt8>) -> R) throws(CodecError) -> R {
        try require(count)
        defer { position += count }
        return body(bytes[position..<position + count])
    }

    /// Calls `body` with the next `count` bytes in place as raw memory, then moves past them:
    /// cheaper than `withRaw` for fixed-size values (no slice, no reference count traffic).
    public mutating func withRawBytes<R>(count: Int, _ body: (UnsafeRawBufferPointer) -> R) throws(CodecError) -> R {
        try require(count)
        defer { position += count }
        let start = position
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<start + count])) }
    }

    /// Reads a varint length (at most `cap`) and that many bytes.
    public mutating func readBlob(field: String, cap: Int) throws(CodecError) -> [UInt8] {
        let length = try readLength(field: field, cap: cap)
        return try readRaw(count: length)
    }

    /// Reads a varint length (at most `cap` bytes) and that many bytes of valid UTF-8.
    public mutating func readString(field: String, cap: Int) throws(CodecError) -> String {
        let length = try readLength(field: field, cap: cap)
        let string = try withRaw(count: length) { slice -> String? in
            String(validating: slice, as: UTF8.self)
        }
        guard let string else { throw .invalidUTF8(field: field) }
        return string
    }

    /// Reads a nested value.
    public mutating func read<Value: CanonicalDecodable>(_ type: Value.Type = Value.self) throws(CodecError) -> Value {
        try Value(from: &self)
    }

    /// Reads a varint count (at most `cap`) and that many values. The count is also checked
    /// against the bytes left, at `minimumElementSize` each, before any storage is reserved.
    public mutating func readList<Value: CanonicalDecodable>(
        _ type: Value.Type = Value.self, field: String, cap: Int, minimumElementSize: Int = 1
    ) throws(CodecError) -> [Value] {
        let count = try readLength(field: field, cap: cap)
        let floor = count.multipliedReportingOverflow(by: max(minimumElementSize, 0))
        guard !floor.overflow, floor.partialValue <= remaining else {
            throw .truncated(needed: floor.overflow ? Int.max : floor.partialValue, remaining: remaining)
        }
        // Each value is decoded straight into the array's storage: no append bookkeeping and no
        // second copy of large values such as transactions.
        var failure: CodecError?
        let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < count {
                do throws(CodecError) {
                    (base + initialized).initialize(to: try Value(from: &self))
                } catch {
                    failure = error
                    return
                }
                initialized += 1
            }
        }
        if let failure { throw failure }
        return values
    }

    /// Reads a presence byte (0 or 1) and, when 1, the value.
    public mutating func readOptional<Value: CanonicalDecodable>(_ type: Value.Type = Value.self) throws(CodecError) -> Value? {
        switch try readUInt8() {
        case 0: return nil
        case 1: return try Value(from: &self)
        case let other: throw .invalidValue(type: "Optional", reason: "presence byte \(other) is neither 0 nor 1")
        }
    }

    private func require(_ count: Int) throws(CodecError) {
        guard count >= 0, count <= remaining else { throw .truncated(needed: count, remaining: remaining) }
    }

    private mutating func readLittleEndian<T: FixedWidthInteger>() throws(CodecError) -> T {
        let size = MemoryLayout<T>.size
        try require(size)
        // One unaligned load (the bounds were checked just above), then the byte order fixed.
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(littleEndian: value)
    }
}

/// Reads little- and big-endian integers from bytes (an array, or a mapped file's buffer),
/// never past their end.
///
/// Every read checks the remaining length first and throws `InputProblem.truncated` naming the
/// structure being read, so a short or lying file is an error, never a trap. `Bytes` is indexed
/// from 0 (an array or a buffer, not a slice).
struct ByteCursor<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    let bytes: Bytes
    private(set) var offset: Int

    init(_ bytes: Bytes, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func require(_ count: Int, for what: String) throws(InputProblem) {
        guard count >= 0, count <= remaining else { throw .truncated(what) }
    }

    mutating func skip(_ count: Int, for what: String) throws(InputProblem) {
        try require(count, for: what)
        offset += count
    }

    mutating func readBytes(_ count: Int, for what: String) throws(InputProblem) -> Bytes.SubSequence {
        try require(count, for: what)
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func readUInt8(for what: String) throws(InputProblem) -> UInt8 {
        try require(1, for: what)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16LE(for what: String) throws(InputProblem) -> UInt16 {
        try require(2, for: what)
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func readUInt32LE(for what: String) throws(InputProblem) -> UInt32 {
        try require(4, for: what)
        defer { offset += 4 }
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(bytes[offset + i]) << (8 * i) }
        return value
    }

    mutating func readTag(for what: String) throws(InputProblem) -> String {
        let raw = try readBytes(4, for: what)
        return String(decoding: raw, as: UTF8.self)
    }
}

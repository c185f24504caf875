import Testing
@testable import FolioCore

/// Unsigned LEB128: seven value bits a byte, least significant group first, the high bit set
/// on every byte except the last. Only the shortest form is canonical.
@Suite struct VarIntTests {
    /// Expected bytes worked out by hand:
    /// - 0 and 127 (0x7f) fit in one group: the byte is the value, high bit clear.
    /// - 128 = 0b1_0000000: low group 0 with the continue bit (0x80), then group 1 (0x01).
    /// - 300 = 0b10_0101100: low group 0b0101100 = 0x2c | 0x80 = 0xac, then 300 >> 7 = 2.
    /// - 16383 = 2^14 - 1: two groups of seven ones: 0x7f | 0x80 = 0xff, then 0x7f.
    /// - 16384 = 2^14: groups 0, 0, 1 → 0x80 0x80 0x01.
    /// - 2^63: nine zero groups (63 bits) with continue bits, then the 64th bit alone: 0x01.
    /// - UInt64.max: nine groups of seven ones (63 bits) → 0xff × 9, then the last bit: 0x01.
    static let vectors: [(value: UInt64, hex: String)] = [
        (0, "00"),
        (1, "01"),
        (127, "7f"),
        (128, "80 01"),
        (300, "ac 02"),
        (16383, "ff 7f"),
        (16384, "80 80 01"),
        (1 << 63, "80 80 80 80 80 80 80 80 80 01"),
        (UInt64.max, "ff ff ff ff ff ff ff ff ff 01"),
    ]

    @Test("a varint encodes to its hand-computed LEB128 bytes and back", arguments: vectors)
    func encodesToHandComputedBytes(vector: (value: UInt64, hex: String)) {
        expectCanonical(CodecVarInt(vector.value), hex: vector.hex)
    }

    static let nonMinimal: [String] = [
        "80 00",          // 0 written in two bytes
        "ff 00",          // 127 written in two bytes
        "80 80 00",       // 0 in three
        "81 80 00",       // 1 in three
        "ff ff 00",       // 16383 in three
        "ff ff ff ff ff ff ff ff ff 00", // 2^63 - 1 in ten
    ]

    @Test("a varint with a trailing zero group is rejected as non-minimal", arguments: nonMinimal)
    func rejectsNonMinimalForm(hex: String) {
        expectDecodeError(hexBytes(hex), as: CodecVarInt.self, .nonMinimalVarInt)
    }

    static let overflowing: [String] = [
        "80 80 80 80 80 80 80 80 80 02",    // 10th byte carries bit 64
        "ff ff ff ff ff ff ff ff ff 7f",    // 10th byte carries bits 64...69
        "80 80 80 80 80 80 80 80 80 80 01", // 11 bytes
        "ff ff ff ff ff ff ff ff ff ff 01", // 11 bytes
        "ff ff ff ff ff ff ff ff ff 81 00", // 10th byte continues
    ]

    @Test("a varint over 64 bits is rejected", arguments: overflowing)
    func rejectsOverflow(hex: String) {
        expectDecodeError(hexBytes(hex), as: CodecVarInt.self, .varIntOverflow)
    }

    @Test("a varint cut short throws truncated at every length", arguments: vectors)
    func truncatedVarIntThrows(vector: (value: UInt64, hex: String)) {
        expectTruncationAlwaysThrows(hexBytes(vector.hex), decode: CodecVarInt.self)
    }

    @Test("a varint reads only its own bytes, leaving the next value")
    func readsOnlyItsOwnBytes() throws {
        var reader = CanonicalReader(hexBytes("80 01 7f"))
        #expect(try reader.readVarInt() == 128)
        #expect(try reader.readVarInt() == 127)
        #expect(reader.remaining == 0)
    }
}

import FolioCrypto
import Testing
@testable import FolioCore

/// Exact bytes of each primitive, against hex written by hand from the rules in
/// docs/protocol.md: fixed-width integers little-endian, lengths as varints, no padding.
@Suite struct CodecPrimitiveTests {
    private func written(_ body: (inout CanonicalWriter) -> Void) -> String {
        var writer = CanonicalWriter()
        body(&writer)
        return HexCoding.encode(writer.bytes)
    }

    @Test("fixed-width integers are little-endian with no length")
    func fixedWidthIntegersAreLittleEndian() {
        #expect(written { $0.write(UInt8(0xab)) } == "ab")
        #expect(written { $0.write(UInt16(0x1234)) } == "3412")
        #expect(written { $0.write(UInt32(0x0102_0304)) } == "04030201")
        #expect(written { $0.write(UInt64(0x0102_0304_0506_0708)) } == "0807060504030201")
    }

    @Test("signed integers are two's complement, little-endian")
    func signedIntegersAreTwosComplement() {
        #expect(written { $0.write(Int64(-1)) } == "ffffffffffffffff")
        #expect(written { $0.write(Int64(-2)) } == "feffffffffffffff")
        #expect(written { $0.write(Int64.min) } == "0000000000000080")
        #expect(written { $0.write(Int64.max) } == "ffffffffffffff7f")
    }

    @Test("fixed-width integers read back from little-endian bytes")
    func fixedWidthIntegersReadBack() throws {
        var reader = CanonicalReader(hexBytes("ab 3412 04030201 0807060504030201 feffffffffffffff"))
        #expect(try reader.readUInt8() == 0xab)
        #expect(try reader.readUInt16() == 0x1234)
        #expect(try reader.readUInt32() == 0x0102_0304)
        #expect(try reader.readUInt64() == 0x0102_0304_0506_0708)
        #expect(try reader.readInt64() == -2)
        try reader.finish()
    }

    @Test("a bool is one byte, 0 or 1")
    func boolIsOneByte() throws {
        #expect(written { $0.write(false) } == "00")
        #expect(written { $0.write(true) } == "01")
        var reader = CanonicalReader([0, 1])
        #expect(try reader.readBool() == false)
        #expect(try reader.readBool() == true)
    }

    @Test("a string is a varint byte length then UTF-8")
    func stringIsLengthThenUTF8() throws {
        #expect(written { $0.writeString("") } == "00")
        #expect(written { $0.writeString("abc") } == "03616263")
        // U+00E9 is two UTF-8 bytes: the length counts bytes, not characters.
        #expect(written { $0.writeString("é") } == "02c3a9")
        var reader = CanonicalReader(hexBytes("02 c3a9"))
        #expect(try reader.readString(field: "s", cap: 2) == "é")
    }

    @Test("a blob is a varint length then the bytes; 200 bytes take a two-byte length")
    func blobIsLengthThenBytes() throws {
        #expect(written { $0.writeBlob([]) } == "00")
        #expect(written { $0.writeBlob([0xde, 0xad]) } == "02dead")
        let long = [UInt8](repeating: 0x5a, count: 200)
        // 200 = 0b1_1001000: low group 0x48 | 0x80 = 0xc8, then 0x01.
        #expect(written { $0.writeBlob(long) } == "c801" + String(repeating: "5a", count: 200))
        var reader = CanonicalReader(hexBytes("c801") + long)
        #expect(try reader.readBlob(field: "b", cap: 200) == long)
    }

    @Test("raw fields are written as they are, with no length")
    func rawFieldsHaveNoLength() throws {
        #expect(written { $0.writeRaw([1, 2, 3]) } == "010203")
        var reader = CanonicalReader([1, 2, 3])
        #expect(try reader.readRaw(count: 3) == [1, 2, 3])
        #expect(try reader.readRaw(count: 0) == [])
    }

    @Test("a hash is its 32 bytes in order, with no length")
    func hashIsThirtyTwoRawBytes() throws {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
        let hash = try #require(Hash256(hex: hex))
        expectCanonical(hash, hex: hex)
    }

    @Test("an optional is a presence byte, then the value when present")
    func optionalIsPresenceByteThenValue() {
        #expect(written { $0.writeOptional(Optional<CodecItem>.none) } == "00")
        #expect(written { $0.writeOptional(CodecItem(id: 7, label: "x")) } == "01" + "07000000" + "0178")
    }

    @Test("a list is a varint count, then each element")
    func listIsCountThenElements() {
        let items = [CodecItem(id: 1, label: ""), CodecItem(id: 0x0100, label: "ab")]
        #expect(written { $0.writeList(items) } == "02" + "01000000" + "00" + "00010000" + "026162")
        #expect(written { $0.writeList([CodecItem]()) } == "00")
    }

    @Test("an enum is a varint tag, then that case's fields", arguments: [
        (CodecShape.empty, "00"),
        (.point(0x0a0b_0c0d), "01 0d0c0b0a"),
        (.labelled("hi", CodecItem(id: 3, label: "z")), "02 026869 03000000 017a"),
    ])
    func enumIsTagThenFields(shape: CodecShape, hex: String) {
        expectCanonical(shape, hex: hex)
    }

    @Test("a record is its fields in order with no tags or padding")
    func recordIsFieldsInOrder() {
        let record = CodecRecord(
            flag: true, small: 0x0201, word: 0x0605_0403, big: 0x0e0d_0c0b_0a09_0807, signed: -1,
            counter: 300, name: "n", blob: [0xbb], parent: nil, items: [CodecItem(id: 9, label: "")]
        )
        let hex = "01" + "0102" + "03040506" + "0708090a0b0c0d0e" + "ffffffffffffffff"
            + "ac02" + "016e" + "01bb" + "00" + "01" + "09000000" + "00"
        expectCanonical(record, hex: hex)
    }
}

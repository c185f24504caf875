import FolioCrypto
import Testing
@testable import FolioCore

/// Malformed input is refused with the typed error for the rule it breaks, before any
/// memory is committed to it.
@Suite struct CodecRejectionTests {
    /// A record with every field small, as hex, so tests can corrupt one field at a time.
    /// Layout: flag(1) small(2) word(4) big(8) signed(8) counter(varint) name blob parent items.
    private static let fixedPrefix = "01" + "0000" + "00000000" + "0000000000000000" + "0000000000000000" + "00"

    private static func record(name: String = "00", blob: String = "00", parent: String = "00",
                               items: String = "00") -> [UInt8] {
        hexBytes(fixedPrefix + name + blob + parent + items)
    }

    @Test("the baseline record decodes, so each rejection below is down to its one change")
    func baselineDecodes() throws {
        _ = try CodecRecord(canonicalBytes: Self.record())
    }

    @Test("a bool byte other than 0 or 1 is rejected", arguments: [UInt8(2), 0x80, 0xff])
    func boolByteTwoIsRejected(byte: UInt8) {
        var bytes = Self.record()
        bytes[0] = byte
        expectDecodeError(bytes, as: CodecRecord.self,
                          .invalidValue(type: "Bool", reason: "byte \(byte) is neither 0 nor 1"))
    }

    @Test("an optional presence byte other than 0 or 1 is rejected")
    func optionalPresenceByteTwoIsRejected() {
        expectDecodeError(Self.record(parent: "02" + String(repeating: "00", count: 32)), as: CodecRecord.self,
                          .invalidValue(type: "Optional", reason: "presence byte 2 is neither 0 nor 1"))
    }

    @Test("a string over its cap is rejected from its length alone")
    func stringOverCapIsRejected() {
        let cap = CodecRecord.nameCap
        // 65 = 0x41 fits one varint byte; no string bytes follow, so the cap check must come first.
        expectDecodeError(Self.record(name: "41"), as: CodecRecord.self,
                          .lengthOverCap(field: "CodecRecord.name", length: 65, cap: cap))
    }

    @Test("a blob over its cap is rejected from its length alone")
    func blobOverCapIsRejected() {
        // 257 = 0b10_0000001 → 0x81 0x02.
        expectDecodeError(Self.record(blob: "8102"), as: CodecRecord.self,
                          .lengthOverCap(field: "CodecRecord.blob", length: 257, cap: CodecRecord.blobCap))
    }

    @Test("a string exactly at its cap is accepted")
    func stringAtCapIsAccepted() throws {
        let name = "40" + String(repeating: "61", count: 64)
        let record = try CodecRecord(canonicalBytes: Self.record(name: name))
        #expect(record.name == String(repeating: "a", count: 64))
    }

    @Test("a list count over its cap is rejected")
    func listCountOverCapIsRejected() {
        expectDecodeError(Self.record(items: "09"), as: CodecRecord.self,
                          .lengthOverCap(field: "CodecRecord.items", length: 9, cap: CodecRecord.itemCap))
    }

    @Test("a list count the remaining bytes cannot hold throws truncated before any element is read")
    func listCountBeyondRemainingBytesThrowsFirst() {
        // 1,000,000 = 0x0f4240 → groups 0x40, 0x04, 0x3d → 0xc0 0x84 0x3d; at 4 bytes an element
        // they need 4,000,000 bytes and 3 remain. CodecProbe throws if any element is decoded.
        expectDecodeError(hexBytes("c0843d 000000"), as: CodecProbeList.self,
                          .truncated(needed: 4_000_000, remaining: 3))
    }

    @Test("a list count the remaining bytes can hold goes on to decode elements")
    func listCountWithinRemainingBytesDecodes() {
        // The control for the test above: with enough bytes, the probe is reached.
        expectDecodeError(hexBytes("01 00000000"), as: CodecProbeList.self, CodecProbe.decoded)
    }

    @Test("a count beyond the range of Int is over every cap")
    func countBeyondIntIsOverCap() {
        expectDecodeError(hexBytes("ff ff ff ff ff ff ff ff ff 01"), as: CodecProbeList.self,
                          .lengthOverCap(field: "probes", length: UInt64.max, cap: CodecProbeList.cap))
    }

    @Test("a list whose element floor overflows Int throws truncated, not a trap")
    func elementFloorOverflowThrows() {
        var reader = CanonicalReader(hexBytes("02"))
        #expect(throws: CodecError.truncated(needed: Int.max, remaining: 0)) {
            _ = try reader.readList(CodecProbe.self, field: "f", cap: 10, minimumElementSize: Int.max)
        }
    }

    static let invalidUTF8: [String] = [
        "01 80",       // lone continuation byte
        "01 c3",       // lead byte with its continuation missing
        "02 c0 af",    // overlong encoding of '/'
        "03 ed a0 80", // UTF-16 surrogate U+D800
        "01 ff",       // never valid in UTF-8
    ]

    @Test("a string that is not valid UTF-8 is rejected", arguments: invalidUTF8)
    func invalidUTF8IsRejected(name: String) {
        expectDecodeError(Self.record(name: name), as: CodecRecord.self, .invalidUTF8(field: "CodecRecord.name"))
    }

    @Test("an unknown enum tag is rejected")
    func unknownEnumTagIsRejected() {
        expectDecodeError(hexBytes("03"), as: CodecShape.self, .unknownTag(type: "CodecShape", tag: 3))
    }

    @Test("bytes after a complete value are rejected", arguments: [1, 2, 40])
    func trailingBytesAreRejected(extra: Int) {
        let bytes = Self.record() + [UInt8](repeating: 0, count: extra)
        expectDecodeError(bytes, as: CodecRecord.self, .trailingBytes(count: extra))
    }

    @Test("a negative cap refuses every length rather than trapping")
    func negativeCapRefusesEverything() {
        var reader = CanonicalReader([0])
        #expect(throws: CodecError.lengthOverCap(field: "f", length: 0, cap: -1)) {
            _ = try reader.readLength(field: "f", cap: -1)
        }
    }

    @Test("a full record cut at any length throws truncated")
    func truncatedRecordThrowsAtEveryLength() throws {
        let record = CodecRecord(
            flag: false, small: 1, word: 2, big: 3, signed: -4, counter: UInt64.max, name: "naïve",
            blob: [1, 2, 3], parent: Hash256(hex: String(repeating: "ab", count: 32)),
            items: [CodecItem(id: 1, label: "one"), CodecItem(id: 2, label: "")]
        )
        expectTruncationAlwaysThrows(record.canonicalBytes, decode: CodecRecord.self)
    }

    @Test("every enum case cut at any length throws truncated", arguments: [
        CodecShape.empty, .point(5), .labelled("tag", CodecItem(id: 6, label: "six")),
    ])
    func truncatedEnumThrowsAtEveryLength(shape: CodecShape) {
        expectTruncationAlwaysThrows(shape.canonicalBytes, decode: CodecShape.self)
    }

    @Test("a hash, key or signature cut short throws truncated")
    func truncatedCryptoValuesThrow() throws {
        expectTruncationAlwaysThrows([UInt8](repeating: 7, count: 32), decode: Hash256.self)
        expectTruncationAlwaysThrows([UInt8](repeating: 7, count: 32), decode: PublicKey.self)
        expectTruncationAlwaysThrows([UInt8](repeating: 7, count: 64), decode: Signature.self)
    }
}

import FolioCrypto
import PropertyBased
import Testing
@testable import FolioCore

/// Generators for codec round trips.
private enum CodecGen {
    /// Any UInt64, shifted right by 0...63 so short varints are as common as long ones.
    static let varIntValue = Gen.uint64()
    static let shift = Gen.int(in: 0...63)

    /// Any Unicode scalar (surrogates are not scalars, so they are skipped).
    static let scalar = Gen.uint32(in: 0...0x10FFFF).compactMap { Unicode.Scalar($0) }

    /// Strings of up to 40 scalars; at most 4 UTF-8 bytes each.
    static let text = scalar.array(of: 0...40).map(string)

    /// Strings of up to 16 scalars, so at most 64 UTF-8 bytes: within `CodecRecord.nameCap`.
    static let name = scalar.array(of: 0...16).map(string)

    @Sendable static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static let hash = Gen.uint8().array(of: 32).compactMap { Hash256(bytes: $0) }

    /// Labels of up to 4 scalars: within `CodecItem.labelCap`.
    static let item = zip(Gen.uint32(), scalar.array(of: 0...4)).map { id, scalars in
        CodecItem(id: id, label: string(scalars))
    }
}

/// Encode-then-decode gives back the value, and decode-then-encode gives back the bytes.
@Suite struct CodecPropertyTests {
    @Test("every UInt64 round-trips as a varint in ceil(bits / 7) bytes")
    func varIntRoundTrips() async {
        await propertyCheck(count: 500, input: CodecGen.varIntValue, CodecGen.shift) { raw, shift in
            let value = raw >> UInt64(shift)
            let bytes = varIntBytes(value)
            let significantBits = max(1, 64 - value.leadingZeroBitCount)
            #expect(bytes.count == (significantBits + 6) / 7)
            let decoded = try CodecVarInt(canonicalBytes: bytes)
            #expect(decoded.value == value)
        }
    }

    @Test("any bytes that decode as a varint re-encode to exactly the bytes read")
    func decodedVarIntsAreCanonical() async {
        let raw = Gen.uint8().array(of: 1...11)
        await propertyCheck(count: 1000, input: raw) { bytes in
            var reader = CanonicalReader(bytes)
            guard let value = try? reader.readVarInt() else { return }
            #expect(varIntBytes(value) == Array(bytes.prefix(reader.position)))
        }
    }

    @Test("any Unicode string round-trips with its UTF-8 byte length in front")
    func stringRoundTrips() async {
        await propertyCheck(input: CodecGen.text) { string in
            var writer = CanonicalWriter()
            writer.writeString(string)
            #expect(Array(writer.bytes.suffix(string.utf8.count)) == Array(string.utf8))
            var reader = CanonicalReader(writer.bytes)
            let decoded = try reader.readString(field: "s", cap: 160)
            #expect(decoded == string)
            try reader.finish()
        }
    }

    @Test("any record round-trips through its canonical bytes")
    func recordRoundTrips() async {
        let numbers = Gen.uint64().array(of: 6)
        let texts = CodecGen.name
        let blobs = Gen.uint8().array(of: 0...CodecRecord.blobCap)
        let tails = zip(CodecGen.hash.optional, CodecGen.item.array(of: 0...CodecRecord.itemCap))
        await propertyCheck(input: numbers, texts, blobs, tails) { n, name, blob, tail in
            let record = CodecRecord(
                flag: n[0] & 1 == 1, small: UInt16(truncatingIfNeeded: n[1]), word: UInt32(truncatingIfNeeded: n[2]),
                big: n[3], signed: Int64(bitPattern: n[4]), counter: n[5] >> (n[5] & 63),
                name: name, blob: blob, parent: tail.0, items: tail.1
            )
            let bytes = record.canonicalBytes
            let decoded = try CodecRecord(canonicalBytes: bytes)
            #expect(decoded == record)
            #expect(decoded.canonicalBytes == bytes)
        }
    }

    @Test("random bytes either fail with a CodecError or decode to a record that re-encodes to them")
    func randomBytesNeverDecodeToANonCanonicalRecord() async {
        let raw = Gen.uint8().array(of: 0...120)
        await propertyCheck(count: 1000, input: raw) { bytes in
            // The failure type is CodecError by construction: nothing else can escape decoding.
            let result = Result { () throws(CodecError) -> CodecRecord in try CodecRecord(canonicalBytes: bytes) }
            if case let .success(record) = result {
                #expect(record.canonicalBytes == bytes)
            }
        }
    }
}

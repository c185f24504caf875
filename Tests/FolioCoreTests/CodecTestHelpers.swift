import FolioCrypto
import Testing
@testable import FolioCore

// Shared by every FolioCore codec test, including the data model's: hex input, round trips,
// and the truncation sweep.

/// The bytes of a hex string written in a test; spaces are ignored so vectors can be grouped.
func hexBytes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    let digits = text.filter { $0 != " " }
    guard let bytes = HexCoding.decode(digits) else {
        Issue.record("malformed hex in test: \(text)", sourceLocation: sourceLocation)
        return []
    }
    return bytes
}

/// Checks that `value` encodes to exactly `hex` and that those bytes decode back to `value`.
func expectCanonical<Value: CanonicalCodable & Equatable>(
    _ value: Value, hex: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let expected = hexBytes(hex, sourceLocation: sourceLocation)
    #expect(HexCoding.encode(value.canonicalBytes) == HexCoding.encode(expected), sourceLocation: sourceLocation)
    do {
        #expect(try Value(canonicalBytes: expected) == value, sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(Value.self) did not decode its own canonical bytes: \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks that `bytes` fail to decode as `Value` with exactly `expected`.
func expectDecodeError<Value: CanonicalDecodable>(
    _ bytes: [UInt8], as _: Value.Type, _ expected: CodecError,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let value = try Value(canonicalBytes: bytes)
        Issue.record("decoded \(value) from \(HexCoding.encode(bytes)); expected \(expected)", sourceLocation: sourceLocation)
    } catch {
        #expect(error == expected, sourceLocation: sourceLocation)
    }
}

/// Checks that `bytes` decode as `Value`, and that every strictly shorter prefix of them —
/// from empty up to one byte short — throws `CodecError.truncated`, never another error,
/// never a value, never a trap. Use it on a complete encoding of each type you define.
func expectTruncationAlwaysThrows<Value: CanonicalDecodable>(
    _ bytes: [UInt8], decode _: Value.Type, sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try Value(canonicalBytes: bytes)
    } catch {
        Issue.record("the full \(bytes.count) bytes must decode as \(Value.self) first: \(error)",
                     sourceLocation: sourceLocation)
        return
    }
    for length in 0..<bytes.count {
        do {
            let value = try Value(canonicalBytes: Array(bytes.prefix(length)))
            Issue.record("a \(length)-byte prefix of \(bytes.count) decoded as \(value)", sourceLocation: sourceLocation)
        } catch {
            guard case .truncated = error else {
                Issue.record("a \(length)-byte prefix threw \(error), not .truncated", sourceLocation: sourceLocation)
                continue
            }
        }
    }
}

/// The varint of `value`, written by the writer under test.
func varIntBytes(_ value: UInt64) -> [UInt8] {
    var writer = CanonicalWriter()
    writer.writeVarInt(value)
    return writer.bytes
}


// Small types that use every reader and writer call, so the codec can be tested without the
// data model. Their field order and caps are the test's own.

/// A list element: a fixed-width number and a short string.
struct CodecItem: CanonicalCodable, Equatable, Sendable {
    static let labelCap = 16
    var id: UInt32
    var label: String

    func encode(to writer: inout CanonicalWriter) {
        writer.write(id)
        writer.writeString(label)
    }

    init(id: UInt32, label: String) {
        self.id = id
        self.label = label
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        id = try reader.readUInt32()
        label = try reader.readString(field: "CodecItem.label", cap: CodecItem.labelCap)
    }
}

/// A record with one field of each kind.
struct CodecRecord: CanonicalCodable, Equatable, Sendable {
    static let nameCap = 64
    static let blobCap = 256
    static let itemCap = 8

    var flag: Bool
    var small: UInt16
    var word: UInt32
    var big: UInt64
    var signed: Int64
    var counter: UInt64
    var name: String
    var blob: [UInt8]
    var parent: Hash256?
    var items: [CodecItem]

    func encode(to writer: inout CanonicalWriter) {
        writer.write(flag)
        writer.write(small)
        writer.write(word)
        writer.write(big)
        writer.write(signed)
        writer.writeVarInt(counter)
        writer.writeString(name)
        writer.writeBlob(blob)
        writer.writeOptional(parent)
        writer.writeList(items)
    }

    init(flag: Bool, small: UInt16, word: UInt32, big: UInt64, signed: Int64, counter: UInt64,
         name: String, blob: [UInt8], parent: Hash256?, items: [CodecItem]) {
        self.flag = flag; self.small = small; self.word = word; self.big = big; self.signed = signed
        self.counter = counter; self.name = name; self.blob = blob; self.parent = parent; self.items = items
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        flag = try reader.readBool()
        small = try reader.readUInt16()
        word = try reader.readUInt32()
        big = try reader.readUInt64()
        signed = try reader.readInt64()
        counter = try reader.readVarInt()
        name = try reader.readString(field: "CodecRecord.name", cap: CodecRecord.nameCap)
        blob = try reader.readBlob(field: "CodecRecord.blob", cap: CodecRecord.blobCap)
        parent = try reader.readOptional(Hash256.self)
        items = try reader.readList(CodecItem.self, field: "CodecRecord.items", cap: CodecRecord.itemCap,
                                    minimumElementSize: 5)
    }
}

/// An enum: a varint tag, then the case's fields.
enum CodecShape: CanonicalCodable, Equatable, Sendable {
    case empty
    case point(UInt32)
    case labelled(String, CodecItem)

    func encode(to writer: inout CanonicalWriter) {
        switch self {
        case .empty:
            writer.writeVarInt(0)
        case let .point(x):
            writer.writeVarInt(1)
            writer.write(x)
        case let .labelled(text, item):
            writer.writeVarInt(2)
            writer.writeString(text)
            writer.write(item)
        }
    }

    init(from reader: inout CanonicalReader) throws(CodecError) {
        switch try reader.readVarInt() {
        case 0: self = .empty
        case 1: self = .point(try reader.readUInt32())
        case 2: self = .labelled(try reader.readString(field: "CodecShape.text", cap: 16), try reader.read())
        case let tag: throw .unknownTag(type: "CodecShape", tag: tag)
        }
    }
}

/// A bare varint, so varints can go through `init(canonicalBytes:)`.
struct CodecVarInt: CanonicalCodable, Equatable, Sendable {
    var value: UInt64
    init(_ value: UInt64) { self.value = value }
    func encode(to writer: inout CanonicalWriter) { writer.writeVarInt(value) }
    init(from reader: inout CanonicalReader) throws(CodecError) { value = try reader.readVarInt() }
}

/// An element whose decoding always fails with its own error: a list that throws this error
/// started decoding elements; one that throws `.truncated` stopped before.
struct CodecProbe: CanonicalDecodable, Sendable {
    static let decoded = CodecError.invalidValue(type: "CodecProbe", reason: "element decoding started")
    init(from reader: inout CanonicalReader) throws(CodecError) { throw CodecProbe.decoded }
}

/// A list of probes under a cap, to test the count checks in `readList`.
struct CodecProbeList: CanonicalDecodable, Sendable {
    static let cap = 1_000_000
    init(from reader: inout CanonicalReader) throws(CodecError) {
        _ = try reader.readList(CodecProbe.self, field: "probes", cap: CodecProbeList.cap, minimumElementSize: 4)
    }
}

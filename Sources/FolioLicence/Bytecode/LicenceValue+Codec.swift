import FolioCore

extension LicenceValue: CanonicalCodable {
    /// A tag byte then the payload; collections as varint counts.
    public func encode(to writer: inout CanonicalWriter) {
        switch self {
        case .unknown: writer.write(UInt8(0))
        case let .bool(value):
            writer.write(UInt8(1))
            writer.write(value)
        case let .int(value):
            writer.write(UInt8(2))
            writer.write(value)
        case let .bytes(bytes):
            writer.write(UInt8(3))
            writer.writeBlob(bytes)
        case let .set(elements):
            writer.write(UInt8(4))
            writer.writeList(elements)
        case let .list(elements):
            writer.write(UInt8(5))
            writer.writeList(elements)
        case let .shares(shares):
            writer.write(UInt8(6))
            writer.writeLength(shares.count)
            for share in shares {
                writer.writeRaw(share.party)
                writer.write(share.weight)
            }
        }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        self = try Self.decode(&reader, depth: 0)
    }

    private static func decode(_ reader: inout CanonicalReader, depth: Int) throws(CodecError) -> LicenceValue {
        let tag = try reader.readUInt8()
        switch tag {
        case 0: return .unknown
        case 1: return .bool(try reader.readBool())
        case 2: return .int(try reader.readInt64())
        case 3: return .bytes(try reader.readBlob(field: "bytes", cap: Limits.textBytes))
        case 4, 5:
            guard depth == 0 else { throw .invalidValue(type: "LicenceValue", reason: "nested collection") }
            let count = try reader.readLength(field: "elements", cap: Limits.collection)
            var elements: [LicenceValue] = []
            for _ in 0..<count { elements.append(try decode(&reader, depth: depth + 1)) }
            if tag == 4, LicenceValue.canonicalSet(elements) != .set(elements) {
                throw .invalidValue(type: "Set", reason: "elements not in canonical order")
            }
            return tag == 4 ? .set(elements) : .list(elements)
        case 6:
            let count = try reader.readLength(field: "shares", cap: Limits.collection)
            var shares: [Share] = []
            for _ in 0..<count {
                shares.append(Share(party: try reader.readRaw(count: 20), weight: try reader.readInt64()))
            }
            guard LicenceValue.canonicalShares(shares) == .shares(shares) else {
                throw .invalidValue(type: "Shares", reason: "not canonical")
            }
            return .shares(shares)
        default:
            throw .unknownTag(type: "LicenceValue", tag: UInt64(tag))
        }
    }
}

extension LicenceType: CanonicalCodable {
    private static let simpleTags: [LicenceType] = [
        .bool, .int, .decimal, .ratio, .time, .duration, .height, .party, .workId, .licenceId, .templateId,
        .territory, .text, .action, .purpose, .medium, .status, .kind, .shares,
    ]

    /// A tag byte; Money adds its currency, Set and List their element type.
    public func encode(to writer: inout CanonicalWriter) {
        switch self {
        case let .money(currency):
            writer.write(UInt8(100))
            writer.writeString(currency)
        case let .set(element):
            writer.write(UInt8(101))
            writer.write(element)
        case let .list(element):
            writer.write(UInt8(102))
            writer.write(element)
        default:
            writer.write(UInt8(LicenceType.simpleTags.firstIndex(of: self) ?? 0))
        }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        self = try Self.decode(&reader, depth: 0)
    }

    private static func decode(_ reader: inout CanonicalReader, depth: Int) throws(CodecError) -> LicenceType {
        let tag = try reader.readUInt8()
        switch tag {
        case 100:
            let currency = try reader.readString(field: "currency", cap: 5)
            guard Parser.isCurrency(currency) else { throw .invalidValue(type: "Money", reason: "currency code") }
            return .money(currency: currency)
        case 101, 102:
            guard depth < 2 else { throw .invalidValue(type: "LicenceType", reason: "nested too deep") }
            let element = try decode(&reader, depth: depth + 1)
            return tag == 101 ? .set(element) : .list(element)
        default:
            guard Int(tag) < simpleTags.count else { throw .unknownTag(type: "LicenceType", tag: UInt64(tag)) }
            return simpleTags[Int(tag)]
        }
    }
}

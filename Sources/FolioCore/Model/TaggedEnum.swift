/// A field-less enum whose canonical form is its raw value as a varint tag; a tag with no
/// case is `unknownTag`. Conforming gives the encoding for free.
public protocol CanonicalTaggedEnum: CanonicalCodable, RawRepresentable where RawValue == UInt8 {}

extension CanonicalTaggedEnum {
    /// The raw value as a varint.
    public func encode(to writer: inout CanonicalWriter) { writer.writeVarInt(UInt64(rawValue)) }

    /// Reads a varint tag and the case with that raw value.
    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let tag = try reader.readVarInt()
        guard tag <= UInt64(UInt8.max), let value = Self(rawValue: UInt8(tag)) else {
            throw .unknownTag(type: "\(Self.self)", tag: tag)
        }
        self = value
    }
}

/// A value with exactly one byte encoding, written by `CanonicalWriter`.
///
/// The encoding rules (docs/protocol.md): fixed-width integers little-endian; lengths and
/// counts as minimal unsigned LEB128 varints; fields in declaration order with no padding or
/// field tags; enums as a varint tag followed by the case's fields.
public protocol CanonicalEncodable {
    /// Appends this value's canonical bytes to `writer`.
    func encode(to writer: inout CanonicalWriter)
}

/// A value that can be read back from its canonical bytes.
public protocol CanonicalDecodable {
    /// Reads one value from `reader`, consuming exactly its bytes.
    init(from reader: inout CanonicalReader) throws(CodecError)
}

/// A value with a canonical encoding in both directions.
public typealias CanonicalCodable = CanonicalEncodable & CanonicalDecodable

extension CanonicalEncodable {
    /// The canonical bytes of this value.
    public var canonicalBytes: [UInt8] {
        var writer = CanonicalWriter()
        encode(to: &writer)
        return writer.finish()
    }
}

extension CanonicalDecodable {
    /// Decodes a value that must occupy all of `bytes`; trailing bytes are an error, so a value
    /// has one encoding and one only.
    public init(canonicalBytes bytes: [UInt8]) throws(CodecError) {
        var reader = CanonicalReader(bytes)
        self = try Self(from: &reader)
        try reader.finish()
    }
}

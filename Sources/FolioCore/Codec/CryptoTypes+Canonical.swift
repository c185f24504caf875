import FolioCrypto

extension Hash256: CanonicalCodable {
    /// 32 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) {
        withUnsafeBytes { writer.writeRaw($0) }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let hash = try reader.withRawBytes(count: 32) { Hash256(bytes: $0) }
        guard let hash else { throw .invalidValue(type: "Hash256", reason: "not 32 bytes") }
        self = hash
    }
}

extension PublicKey: CanonicalCodable {
    /// 32 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { withUnsafeBytes { writer.writeRaw($0) } }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let key = try reader.withRawBytes(count: PublicKey.byteCount) { PublicKey(raw: $0) }
        guard let key else { throw .invalidValue(type: "PublicKey", reason: "not \(PublicKey.byteCount) bytes") }
        self = key
    }
}

extension Signature: CanonicalCodable {
    /// 64 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { withUnsafeBytes { writer.writeRaw($0) } }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let signature = try reader.withRawBytes(count: Signature.byteCount) { Signature(raw: $0) }
        guard let signature else { throw .invalidValue(type: "Signature", reason: "not \(Signature.byteCount) bytes") }
        self = signature
    }
}

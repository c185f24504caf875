import FolioCrypto

extension Hash256: CanonicalCodable {
    /// 32 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) {
        withUnsafeBytes { writer.writeRaw($0) }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let hash = try reader.withRaw(count: 32) { Hash256(bytes: $0) }
        guard let hash else { throw .invalidValue(type: "Hash256", reason: "not 32 bytes") }
        self = hash
    }
}

extension PublicKey: CanonicalCodable {
    /// 32 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { writer.writeRaw(bytes) }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let raw = try reader.readRaw(count: 32)
        do { self = try PublicKey(bytes: raw) } catch {
            throw .invalidValue(type: "PublicKey", reason: "\(error)")
        }
    }
}

extension Signature: CanonicalCodable {
    /// 64 raw bytes, no length.
    public func encode(to writer: inout CanonicalWriter) { writer.writeRaw(bytes) }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        let raw = try reader.readRaw(count: 64)
        do { self = try Signature(bytes: raw) } catch {
            throw .invalidValue(type: "Signature", reason: "\(error)")
        }
    }
}

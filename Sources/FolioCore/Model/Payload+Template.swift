/// A template's body: licence-terms source text, or compiled bytecode.
/// Encoded as a varint tag (0 source, 1 bytecode) and a length-prefixed body of at most
/// `Limits.templateBytes` bytes.
public enum TemplateBody: Hashable, Sendable {
    /// Source in the licence-terms language, UTF-8.
    case source(String)
    /// Compiled bytecode.
    case bytecode([UInt8])
}

extension TemplateBody: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        switch self {
        case let .source(text):
            writer.writeVarInt(0)
            writer.writeString(text)
        case let .bytecode(code):
            writer.writeVarInt(1)
            writer.writeBlob(code)
        }
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        switch try reader.readVarInt() {
        case 0: self = .source(try reader.readString(field: "template source", cap: Limits.templateBytes))
        case 1: self = .bytecode(try reader.readBlob(field: "template bytecode", cap: Limits.templateBytes))
        case let tag: throw .unknownTag(type: "TemplateBody", tag: tag)
        }
    }
}

/// Publishes a licence-terms template. Templates are content-addressed: the template id is
/// this payload's `id`, SHA-256 of its canonical bytes, so the same template has one id
/// whoever publishes it.
public struct PublishTemplate: Hashable, Sendable {
    /// The licence-language version the body is written for.
    public var languageVersion: UInt32
    /// The template itself.
    public var body: TemplateBody

    /// Creates a publication.
    public init(languageVersion: UInt32, body: TemplateBody) {
        self.languageVersion = languageVersion
        self.body = body
    }
}

extension PublishTemplate: CanonicalCodable {
    /// `languageVersion` (UInt32 LE), `body`.
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(languageVersion)
        writer.write(body)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        languageVersion = try reader.readUInt32()
        body = try reader.read()
    }
}

/// The template id is SHA-256 of the canonical `PublishTemplate` bytes.
extension PublishTemplate: CanonicallyIdentified {}

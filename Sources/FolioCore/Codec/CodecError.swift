/// Why canonical bytes could not be decoded. Every decoding failure is one of these, so a
/// malformed message from a peer or an RPC caller is reported, never trapped on.
public enum CodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended before `needed` more bytes could be read (`remaining` were left).
    case truncated(needed: Int, remaining: Int)
    /// A varint used more bytes than its value needs; only the shortest form is canonical.
    case nonMinimalVarInt
    /// A varint did not fit in 64 bits.
    case varIntOverflow
    /// A length or count read from the input exceeds the cap for `field`.
    case lengthOverCap(field: String, length: UInt64, cap: Int)
    /// A string's bytes are not valid UTF-8.
    case invalidUTF8(field: String)
    /// An enum tag has no case for `type`.
    case unknownTag(type: String, tag: UInt64)
    /// Bytes were left after a complete value was read.
    case trailingBytes(count: Int)
    /// The bytes decode but break a rule of the type (named in the message).
    case invalidValue(type: String, reason: String)

    public var description: String {
        switch self {
        case let .truncated(needed, remaining):
            return "input truncated: needed \(needed) more bytes, \(remaining) left"
        case .nonMinimalVarInt: return "varint is not in its shortest form"
        case .varIntOverflow: return "varint does not fit in 64 bits"
        case let .lengthOverCap(field, length, cap):
            return "\(field) length \(length) exceeds the cap of \(cap)"
        case let .invalidUTF8(field): return "\(field) is not valid UTF-8"
        case let .unknownTag(type, tag): return "unknown \(type) tag \(tag)"
        case let .trailingBytes(count): return "\(count) unexpected bytes after the value"
        case let .invalidValue(type, reason): return "invalid \(type): \(reason)"
        }
    }
}

/// A named argument to a template: the name the template declares, and the value as the
/// canonical bytes of the parameter's declared type (the licence checker decodes it).
public struct LicenceParameter: Hashable, Sendable {
    /// The parameter name, at most `Limits.parameterNameBytes` bytes of UTF-8.
    public var name: String
    /// The value's canonical bytes, at most `Limits.parameterValueBytes`.
    public var value: [UInt8]

    /// Creates a parameter.
    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }
}

extension LicenceParameter: CanonicalCodable {
    /// `name` (string), `value` (blob).
    public func encode(to writer: inout CanonicalWriter) {
        writer.writeString(name)
        writer.writeBlob(value)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        name = try reader.readString(field: "parameter name", cap: Limits.parameterNameBytes)
        value = try reader.readBlob(field: "parameter value", cap: Limits.parameterValueBytes)
    }
}

extension CanonicalReader {
    /// Reads a list of at most `Limits.licenceParameters` parameters.
    mutating func readParameters(field: String) throws(CodecError) -> [LicenceParameter] {
        try readList(field: field, cap: Limits.licenceParameters, minimumElementSize: 2)
    }
}

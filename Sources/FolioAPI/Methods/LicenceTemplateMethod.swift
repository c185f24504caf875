/// `licence_template`: a published licence-terms template by id.
public enum LicenceTemplateGet: RPCMethod {
    /// The template id.
    public typealias Params = IdQuery
    /// The template.
    public typealias Result = TemplateSummary
    /// `licence_template`.
    public static let name = "licence_template"
}

/// A published template as the API shows it: exactly one of `source` and `bytecode` is set,
/// as the template was published.
public struct TemplateSummary: Codable, Hashable, Sendable {
    /// The template id (hex).
    public var id: String
    /// The first account to publish it (bech32m).
    public var publisher: String
    /// Height of the block that first published it.
    public var height: UInt64
    /// The licence-language version the template is written for.
    public var languageVersion: UInt32
    /// The licence-terms source text, if published as source.
    public var source: String?
    /// The compiled bytecode in hex, if published as bytecode.
    public var bytecode: String?

    /// Creates a summary.
    public init(id: String, publisher: String, height: UInt64, languageVersion: UInt32,
                source: String? = nil, bytecode: String? = nil) {
        self.id = id
        self.publisher = publisher
        self.height = height
        self.languageVersion = languageVersion
        self.source = source
        self.bytecode = bytecode
    }
}

/// One offer parameter as the API shows it.
public struct OfferParameterSummary: Codable, Hashable, Sendable {
    /// The parameter name.
    public var name: String
    /// The value's canonical licence-value bytes, hex.
    public var value: String

    /// Creates a parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

import FolioCore
import FolioLicence

/// The use an acceptance declares, read from its use parameters. Names are the `use.*` facts
/// of docs/licence-language.md §6 and each value is a `LicenceValue`'s canonical bytes of that
/// fact's type. A fact not given stays unknown; a name the language does not know, a repeat
/// or a value of the wrong type refuses the transaction rather than being ignored, so a
/// licensee cannot believe a term was declared when it was not.
struct UseParameters {
    var action: LicenceAction?
    var territories: [String]?
    var medium: UseMedium?
    var purpose: UsePurpose?
    var count: Int64?
    var revenue: Amount?
    var language: String?
    var period: Int64?
    var target: String?
    var attributed: Bool?
    var derivativeTemplate: Hash256?
    var approved: Bool?

    /// The fact names and their types.
    static let types: [String: LicenceType] = [
        "action": .action, "territory": .set(.territory), "medium": .medium, "purpose": .purpose, "count": .int,
        "revenue": .money(currency: "FOLIO"), "language": .text, "period": .time, "target": .text,
        "attributed": .bool, "derivative_template": .templateId, "approved": .bool,
    ]

    static func decode(_ parameters: [LicenceParameter]) throws(LicenceRefusal) -> UseParameters {
        var use = UseParameters()
        var seen: Set<String> = []
        for parameter in parameters {
            guard let type = types[parameter.name] else { throw refusal("'\(parameter.name)' is not a use fact") }
            guard seen.insert(parameter.name).inserted else { throw refusal("'\(parameter.name)' is given twice") }
            guard let value = try? LicenceValue(canonicalBytes: parameter.value), value.conforms(to: type) else {
                throw refusal("'\(parameter.name)' is not an encoded \(type)")
            }
            guard use.set(parameter.name, value) else { throw refusal("'\(parameter.name)' is not an encoded \(type)") }
        }
        return use
    }

    /// The declared use with `action`, every other fact as declared (nil stays unknown).
    func declaredUse(_ action: LicenceAction) -> DeclaredUse {
        var use = DeclaredUse(action: action, territories: territories, medium: medium, purpose: purpose,
                              count: count, revenue: revenue)
        use.language = language
        use.period = period
        use.target = target
        use.attributed = attributed
        use.derivativeTemplate = derivativeTemplate
        use.approved = approved
        return use
    }

    /// Stores a value already checked to conform to the fact's type; false if it cannot be
    /// read back (never expected after `conforms`, but a false here refuses, it cannot crash).
    private mutating func set(_ name: String, _ value: LicenceValue) -> Bool {
        switch (name, value) {
        case let ("action", .int(v)): action = UInt8(exactly: v).flatMap(LicenceAction.init(rawValue:))
        case let ("territory", .set(elements)): territories = Self.territoryCodes(elements)
        case let ("medium", .int(v)): medium = UInt8(exactly: v).flatMap(UseMedium.init(rawValue:))
        case let ("purpose", .int(v)): purpose = UInt8(exactly: v).flatMap(UsePurpose.init(rawValue:))
        case let ("count", .int(v)): count = v
        case let ("revenue", .int(v)): revenue = UInt64(exactly: v).map { Amount(baseUnits: $0) }
        case let ("language", .bytes(b)): language = String(validating: b, as: UTF8.self)
        case let ("period", .int(v)): period = v
        case let ("target", .bytes(b)): target = String(validating: b, as: UTF8.self)
        case let ("attributed", .bool(v)): attributed = v
        case let ("derivative_template", .bytes(b)): derivativeTemplate = Hash256(bytes: b)
        case let ("approved", .bool(v)): approved = v
        default: return false
        }
        return isSet(name)
    }

    private func isSet(_ name: String) -> Bool {
        switch name {
        case "action": return action != nil
        case "territory": return territories != nil
        case "medium": return medium != nil
        case "purpose": return purpose != nil
        case "revenue": return revenue != nil
        case "language": return language != nil
        case "target": return target != nil
        case "derivative_template": return derivativeTemplate != nil
        default: return true
        }
    }

    /// ISO codes of territory values (two capital letters packed `first << 8 | second`,
    /// docs/licence-language.md §4), each checked by packing it again.
    private static func territoryCodes(_ elements: [LicenceValue]) -> [String]? {
        var codes: [String] = []
        for element in elements {
            guard case let .int(v) = element, v >= 0, v <= 0xFFFF else { return nil }
            let code = String(decoding: [UInt8(v >> 8), UInt8(v & 0xFF)], as: UTF8.self)
            guard LicenceValue.territory(code) == element else { return nil }
            codes.append(code)
        }
        return codes
    }

    private static func refusal(_ detail: String) -> LicenceRefusal {
        LicenceRefusal(reason: "use-parameters: \(detail)")
    }
}

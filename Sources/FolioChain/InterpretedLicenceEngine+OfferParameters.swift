import FolioCore
import FolioLicence

/// Offer parameters: each value is a `LicenceValue`'s canonical bytes and must be a
/// well-formed value of the type the template declares; the names must be exactly the
/// template's parameters, each given once.
enum OfferParameters {
    static func bind(_ given: [LicenceParameter], to template: LicenceTemplate) throws(LicenceRefusal) -> [String: LicenceValue] {
        let declared = template.parameters
        var values: [String: LicenceValue] = [:]
        for parameter in given {
            guard let type = declared.first(where: { $0.name == parameter.name })?.type else {
                throw refusal("the template declares no parameter '\(parameter.name)'")
            }
            guard values[parameter.name] == nil else { throw refusal("parameter '\(parameter.name)' is given twice") }
            guard let value = try? LicenceValue(canonicalBytes: parameter.value) else {
                throw refusal("parameter '\(parameter.name)' is not an encoded licence value")
            }
            guard value.conforms(to: type) else { throw refusal("parameter '\(parameter.name)' is not a \(type)") }
            values[parameter.name] = value
        }
        if let missing = declared.first(where: { values[$0.name] == nil }) {
            throw refusal("parameter '\(missing.name)' (\(missing.type)) is missing")
        }
        return values
    }

    private static func refusal(_ detail: String) -> LicenceRefusal {
        LicenceRefusal(reason: "offer-parameters: \(detail)")
    }
}

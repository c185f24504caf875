import FolioCore
import FolioLicence

/// The `use.*` facts an acceptance may declare (docs/licence-language.md §6), each read from
/// command-line text into the licence value of the fact's type. The chain refuses an unknown
/// fact or a wrongly typed value, so the wallet does too, before signing.
public enum UseFacts {
    /// The fact names, in the order the language document lists them.
    public static let names = ["action", "territory", "medium", "purpose", "count", "revenue", "language", "period",
                               "target", "attributed", "derivative_template", "approved"]

    /// The value of fact `name` written as `text`.
    public static func value(name: String, text: String) throws(WalletError) -> LicenceValue {
        switch name {
        case "action":
            return try named(text, in: LicenceAction.allCases.map { ($0.name, $0.rawValue) }, fact: name)
        case "medium":
            return try named(text, in: UseMedium.allCases.map { ($0.name, $0.rawValue) }, fact: name)
        case "purpose":
            return try named(text, in: UsePurpose.allCases.map { ($0.name, $0.rawValue) }, fact: name)
        case "territory":
            var codes: [LicenceValue] = []
            for code in text.split(separator: ",") {
                guard let value = LicenceValue.territory(String(code)) else {
                    throw .usage("--use territory takes ISO 3166-1 codes separated by commas, such as DE,FR; \"\(code)\" is not one.")
                }
                codes.append(value)
            }
            return .canonicalSet(codes)
        case "count", "revenue", "period":
            guard let number = Int64(text), number >= 0 || name == "period" else {
                throw .usage("--use \(name) takes a whole number, not \"\(text)\".")
            }
            return .int(number)
        case "language", "target":
            return .text(text)
        case "attributed", "approved":
            guard text == "true" || text == "false" else { throw .usage("--use \(name) takes true or false, not \"\(text)\".") }
            return .bool(text == "true")
        case "derivative_template":
            return .id(try WorkPayloads.hash(text, name: "derivative_template"))
        default:
            throw .usage("--use \(name) is not a use fact; the facts are \(names.joined(separator: ", ")).")
        }
    }

    private static func named(_ text: String, in table: [(String, UInt8)], fact: String) throws(WalletError) -> LicenceValue {
        guard let match = table.first(where: { $0.0 == text }) else {
            throw .usage("--use \(fact) must be one of \(table.map(\.0).joined(separator: ", ")), not \"\(text)\".")
        }
        return .int(Int64(match.1))
    }
}

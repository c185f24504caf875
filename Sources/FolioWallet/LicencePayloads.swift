import FolioCore
import FolioLicence

/// Builds licence payloads from command-line text: templates, offers, acceptances, usage
/// reports and revocations.
public enum LicencePayloads {
    /// The licence-language version templates are published for; the chain's interpreter
    /// refuses any other (docs/licence-language.md).
    public static let languageVersion: UInt32 = 1

    /// A template publication of `source`, after compiling it here so a template the chain
    /// would refuse is caught before paying a fee. Returns the payload and the template id.
    public static func publication(source: String, file: String) throws(WalletError) -> (payload: TransactionPayload, templateId: String) {
        do { _ = try LicenceTemplate(source: source) } catch {
            throw WalletError(code: "template-invalid", exit: .refused, message: "\(file) does not compile: \(error). Fix it and retry.")
        }
        let publication = PublishTemplate(languageVersion: languageVersion, body: .source(source))
        return (.publishTemplate(publication), publication.id.hex)
    }

    /// An offer of `work` under `template` with `k=v` parameters. Offer parameters are typed
    /// by the template, which the wallet cannot fetch from a node yet, so each value is read
    /// by its look: an address is a party, 64 hex digits an id, `true`/`false` a bool, a
    /// whole number an integer (money in base units, ratios, times), anything else text.
    /// The node checks each against the template's declared type and names any mismatch.
    public static func offer(work: String, template: String, parameters: [String], legalTextHash: String?, network: NetworkKind) throws(WalletError) -> TransactionPayload {
        var list: [LicenceParameter] = []
        for (name, text) in try pairs(parameters, option: "--param") {
            list.append(LicenceParameter(name: name, value: guessValue(text, network: network).canonicalBytes))
        }
        let legal = try legalTextHash.map { text throws(WalletError) in try WorkPayloads.hash(text, name: "legal text hash") } ?? .zero
        return .offerLicence(OfferLicence(
            workId: try WorkPayloads.hash(work, name: "work id"), templateId: try WorkPayloads.hash(template, name: "template id"),
            parameters: list, legalTextHash: legal))
    }

    /// An acceptance of `offer` declaring a use (`--use k=v`, the `use.*` facts) and paying `payment`.
    public static func acceptance(offer: String, use: [String], payment: UInt64) throws(WalletError) -> TransactionPayload {
        var list: [LicenceParameter] = []
        for (name, text) in try pairs(use, option: "--use") {
            list.append(LicenceParameter(name: name, value: try UseFacts.value(name: name, text: text).canonicalBytes))
        }
        return .acceptLicence(AcceptLicence(offerId: try WorkPayloads.hash(offer, name: "offer id"), useParameters: list,
                                            payment: Amount(baseUnits: payment)))
    }

    /// A usage report for the calendar month `period` (`YYYY-MM`, UTC).
    public static func report(licence: String, action: String, count: UInt64, period: String, revenue: UInt64, payment: UInt64) throws(WalletError) -> TransactionPayload {
        guard !action.isEmpty, action.utf8.count <= FolioCore.Limits.usageActionBytes else {
            throw .usage("--action must be 1 to \(FolioCore.Limits.usageActionBytes) bytes, such as stream.")
        }
        return .reportUsage(ReportUsage(
            licenceId: try WorkPayloads.hash(licence, name: "licence id"), action: action, count: count,
            period: try month(period), revenue: Amount(baseUnits: revenue), payment: Amount(baseUnits: payment)))
    }

    /// A revocation of `offer`.
    public static func revocation(offer: String) throws(WalletError) -> TransactionPayload {
        .revokeOffer(RevokeOffer(offerId: try WorkPayloads.hash(offer, name: "offer id")))
    }

    /// `YYYY-MM` as `[first second, first second of the next month)` in UTC.
    public static func month(_ text: String) throws(WalletError) -> UsagePeriod {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int64(parts[0]), let month = Int64(parts[1]),
              (1970...9999).contains(year), (1...12).contains(month) else {
            throw .usage("--period must be a month as YYYY-MM, such as 2025-03, not \"\(text)\".")
        }
        let start = daysFromCivil(year: year, month: month) * 86_400
        let end = (month == 12 ? daysFromCivil(year: year + 1, month: 1) : daysFromCivil(year: year, month: month + 1)) * 86_400
        return UsagePeriod(start: start, end: end)
    }

    /// Days from 1970-01-01 to the first of `month` (Howard Hinnant's civil-from-days inverse).
    static func daysFromCivil(year: Int64, month: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func pairs(_ entries: [String], option: String) throws(WalletError) -> [(String, String)] {
        var seen: Set<String> = []
        var result: [(String, String)] = []
        for entry in entries {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw .usage("\(option) takes k=v, not \"\(entry)\".")
            }
            let name = String(entry[..<equals])
            guard seen.insert(name).inserted else { throw .usage("\(option) \(name) is given twice.") }
            result.append((name, String(entry[entry.index(after: equals)...])))
        }
        return result
    }

    static func guessValue(_ text: String, network: NetworkKind) -> LicenceValue {
        if let address = try? AddressText.parse(text, network: network) { return .party(address) }
        if text.count == 64, let hash = Hash256(hex: text.lowercased()) { return .id(hash) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if let number = Int64(text) { return .int(number) }
        return .text(text)
    }
}

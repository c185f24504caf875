import FolioAPI
import FolioCore
import FolioLicence

/// `folio licence check`: an acceptance of an offer run locally with FolioLicence's explain
/// facility, as the chain would run it at the tip (the licence active, issued now to the
/// licensee, licensed by the work's current owners). Nothing is signed or sent.
public enum LicenceDryRun {
    /// What a dry run found.
    public struct Report: Codable, Hashable, Sendable {
        /// Whether the use would be permitted.
        public var permitted: Bool
        /// The permission that grants the use, or the rule that refuses it.
        public var rule: String?
        /// Why it is refused (nil when permitted).
        public var reason: String?
        /// What the acceptance must attach, in base units; nil when refused for another reason.
        public var amountDue: UInt64?
        /// What the licensee must do, one line each.
        public var obligations: [String]
        /// FolioLicence's one-paragraph summary.
        public var summary: String
        /// The limits of a local run, for people to read next to the verdict.
        public var caveats: [String]
    }

    /// Runs an acceptance of `offer` (under `template`, on `work`) by `licensee`, declaring
    /// `use` (`k=v`, the `use.*` facts) and attaching `payment`, at the chain tip `info`.
    /// `works` holds the ledger's facts about the work and its ancestors
    /// (`LicenceWorkFacts.gather`); a work missing from it is unknown to the terms.
    public static func run(offer: OfferSummary, template: TemplateSummary, work: WorkSummary, info: ChainInfoResult,
                           licensee: Address, use: [String], payment: UInt64, network: NetworkKind,
                           works: [Hash256: WorkFacts] = [:]) throws(WalletError) -> Report {
        let compiled = try LicenceTerms.compile(template)
        let parameters = try bind(offer.parameters ?? [], to: compiled, offer: offer.id)
        var licensors: [Share] = []
        for owner in work.owners {
            licensors.append(Share(party: try AddressText.parse(owner.address, network: network), weight: Int64(clamping: owner.share)))
        }
        let declared = try declaredUse(use)
        guard payment <= UInt64(Int64.max) else { throw .usage("--payment is beyond the licence VM's money range.") }
        let licence = Licence(
            id: .zero, template: compiled, parameters: parameters, work: try WorkPayloads.hash(work.id, name: "work id"),
            issuedAt: info.bestBlockTime, licensee: licensee, licensors: licensors,
            state: LicenceTermsState(status: .active), ledgerTemplateId: try WorkPayloads.hash(template.id, name: "template id"))
        let transaction = LicenceTransaction(kind: .accept, sender: licensee, payment: Amount(baseUnits: payment), use: declared)
        let ledger = TipLedger(height: info.height, time: info.bestBlockTime, chainId: String(info.chainId), works: works)
        let explanation = LicenceExplainer.explain(transaction, on: licence, ledger: ledger, gasLimit: LicenceLanguage.defaultGasCap)
        var report = Report(permitted: false, rule: explanation.decidingRule, reason: nil,
                            amountDue: explanation.amountDue?.baseUnits, obligations: explanation.obligations.map(\.description),
                            summary: explanation.summary, caveats: [])
        switch explanation.verdict {
        case .permitted: report.permitted = true
        case let .refused(_, reason): report.reason = reason
        }
        if offer.revoked { report.caveats.append("the offer has been revoked, so the chain refuses any acceptance of it") }
        report.caveats.append("run at height \(info.height) with the tip's time; the block that includes an acceptance may differ")
        report.caveats.append("other licences' grants (other_grants) are unknown here, as they are to the chain's evaluation; "
                              + "terms that need them refuse")
        return report
    }

    /// The offer's parameters by name, each decoded and checked against the template's type.
    static func bind(_ given: [OfferParameterSummary], to template: LicenceTemplate, offer: String) throws(WalletError) -> [String: LicenceValue] {
        var values: [String: LicenceValue] = [:]
        for parameter in given {
            guard let type = template.parameters.first(where: { $0.name == parameter.name })?.type,
                  let bytes = HexCoding.decode(parameter.value),
                  let value = try? LicenceValue(canonicalBytes: bytes), value.conforms(to: type) else {
                throw WalletError(code: "offer-parameters", exit: .refused,
                                  message: "offer \(offer)'s parameter '\(parameter.name)' does not fit its template; the chain refuses any acceptance of it.")
            }
            values[parameter.name] = value
        }
        if let missing = template.parameters.first(where: { values[$0.name] == nil }) {
            throw WalletError(code: "offer-parameters", exit: .refused,
                              message: "offer \(offer) lacks the template's parameter '\(missing.name)'; the chain refuses any acceptance of it.")
        }
        return values
    }

    /// The declared use from `k=v` facts; `action` is required, as at acceptance.
    public static func declaredUse(_ entries: [String]) throws(WalletError) -> DeclaredUse {
        var facts: [String: String] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .usage("--use takes k=v, not \"\(entry)\".") }
            guard facts[parts[0]] == nil else { throw .usage("--use \(parts[0]) is given twice.") }
            _ = try UseFacts.value(name: parts[0], text: parts[1])
            facts[parts[0]] = parts[1]
        }
        guard let actionText = facts["action"], let action = LicenceAction.allCases.first(where: { $0.name == actionText }) else {
            throw .usage("an acceptance must declare its action: add --use action=… (such as action=stream).")
        }
        var use = DeclaredUse(action: action)
        use.territories = facts["territory"].map { $0.split(separator: ",").map(String.init) }
        use.medium = facts["medium"].flatMap { text in UseMedium.allCases.first { $0.name == text } }
        use.purpose = facts["purpose"].flatMap { text in UsePurpose.allCases.first { $0.name == text } }
        use.count = facts["count"].flatMap { Int64($0) }
        use.revenue = facts["revenue"].flatMap { UInt64($0) }.map { Amount(baseUnits: $0) }
        use.language = facts["language"]
        use.period = facts["period"].flatMap { Int64($0) }
        use.target = facts["target"]
        use.attributed = facts["attributed"].map { $0 == "true" }
        use.approved = facts["approved"].map { $0 == "true" }
        if let text = facts["derivative_template"] { use.derivativeTemplate = try WorkPayloads.hash(text, name: "derivative_template") }
        return use
    }
}

/// The ledger as the wallet sees it: the tip's height and time and the facts about the work
/// and its ancestors; no view of other licences' grants (nil, which the terms read as unknown
/// and refuse on, like the chain's own view).
struct TipLedger: LicenceLedgerView {
    let height: UInt64
    let time: Int64
    let chainId: String
    let works: [Hash256: WorkFacts]

    func work(_ id: Hash256) -> WorkFacts? { works[id] }

    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? { nil }
}

/// The built-in facts a licence can read (docs/licence-language.md §6), by bytecode code.
enum Fact: UInt8, CaseIterable, Sendable {
    case ledgerHeight, ledgerTime, ledgerChainId
    case txSender, txKind, txPayment
    case licenceId, licenceTemplate, licenceIssuedAt, licenceLicensee, licenceLicensors, licenceState
    case licenceTotalPaid, licenceReportedRevenue
    case workId, workOwners, workRegisteredAt, workMedia, workParents, workAncestors
    case useAction, useTerritory, useMedium, usePurpose, useCount, useRevenue, useLanguage
    case usePeriod, useTarget, useAttributed, useDerivativeTemplate, useApproved
    case workUpstreamState

    /// The ledger's own currency, in which every built-in money fact is denominated.
    static let ledgerCurrency = "FOLIO"

    /// The source path (`root.member`), its type, and the static bound of a collection.
    var signature: (root: String, member: String, type: LicenceType) {
        let money = LicenceType.money(currency: Fact.ledgerCurrency)
        switch self {
        case .ledgerHeight: return ("ledger", "height", .height)
        case .ledgerTime: return ("ledger", "time", .time)
        case .ledgerChainId: return ("ledger", "chain_id", .text)
        case .txSender: return ("tx", "sender", .party)
        case .txKind: return ("tx", "kind", .kind)
        case .txPayment: return ("tx", "payment", money)
        case .licenceId: return ("licence", "id", .licenceId)
        case .licenceTemplate: return ("licence", "template", .templateId)
        case .licenceIssuedAt: return ("licence", "issued_at", .time)
        case .licenceLicensee: return ("licence", "licensee", .party)
        case .licenceLicensors: return ("licence", "licensors", .shares)
        case .licenceState: return ("licence", "state", .status)
        case .licenceTotalPaid: return ("licence", "total_paid", money)
        case .licenceReportedRevenue: return ("licence", "reported_revenue", money)
        case .workId: return ("work", "id", .workId)
        case .workOwners: return ("work", "owners", .shares)
        case .workRegisteredAt: return ("work", "registered_at", .time)
        case .workMedia: return ("work", "media", .medium)
        case .workParents: return ("work", "parents", .list(.workId))
        case .workAncestors: return ("work", "ancestors", .list(.workId))
        case .useAction: return ("use", "action", .action)
        case .useTerritory: return ("use", "territory", .set(.territory))
        case .useMedium: return ("use", "medium", .medium)
        case .usePurpose: return ("use", "purpose", .purpose)
        case .useCount: return ("use", "count", .int)
        case .useRevenue: return ("use", "revenue", money)
        case .useLanguage: return ("use", "language", .text)
        case .usePeriod: return ("use", "period", .time)
        case .useTarget: return ("use", "target", .text)
        case .useAttributed: return ("use", "attributed", .bool)
        case .useDerivativeTemplate: return ("use", "derivative_template", .templateId)
        case .useApproved: return ("use", "approved", .bool)
        case .workUpstreamState: return ("work", "upstream_state", .status)
        }
    }

    /// The fact written `root.member`, if there is one.
    static func named(root: String, member: String) -> Fact? {
        allCases.first { $0.signature.root == root && $0.signature.member == member }
    }
}

import FolioCore
import FolioLicence

extension InterpretedLicenceEngine {
    /// An acceptance runs the terms as the licence will stand once issued: active, issued now
    /// to the sender, licensed by the work's current owners. It must declare the action it
    /// licenses, so the duties, prohibitions and permissions are checked at acceptance too.
    func acceptanceDecision(_ acceptance: AcceptLicence, offer: OfferRecord, template: PublishTemplate,
                            context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        let compiled = try compiled(template)
        let use = try UseParameters.decode(acceptance.useParameters)
        guard let action = use.action else {
            throw LicenceRefusal(reason: "use-parameters: an acceptance must declare the 'action' it licenses")
        }
        try Self.checkRepresentable(acceptance.payment, "payment")
        // The licence id is the accepting transaction's id, which the chain fixes after the
        // terms run; no shipped template reads `licence.id` at acceptance.
        let licence = Licence(
            id: .zero, template: compiled, parameters: try OfferParameters.bind(offer.offer.parameters, to: compiled),
            work: offer.offer.workId, issuedAt: context.position.timestamp, licensee: context.sender,
            licensors: Self.licensors(context.owners), state: LicenceTermsState(status: .active),
            ledgerTemplateId: offer.offer.templateId)
        let transaction = LicenceTransaction(kind: .accept, sender: context.sender, payment: acceptance.payment,
                                             use: use.declaredUse(action))
        let evaluation = LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger(at: context.position, context: context), gasLimit: gasCap)
        var decision = try LicenceVerdictMapping.decision(evaluation, current: .active)
        decision.termsState = try LicenceTermsStateCodec.after(licence.state, evaluation, revenue: .zero)
        return decision
    }

    /// A usage report runs under the use declared at acceptance, with the report's action,
    /// count, period start and revenue in place of the declared ones.
    func usageDecision(_ report: ReportUsage, licence record: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                       context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        let compiled = try compiled(template)
        guard let action = LicenceAction.allCases.first(where: { $0.name == report.action }) else {
            throw LicenceRefusal(reason: "usage-action: '\(report.action)' is not an action of the licence language")
        }
        guard let count = Int64(exactly: report.count) else { throw LicenceRefusal(reason: "usage-count: too large") }
        try Self.checkRepresentable(report.payment, "payment")
        try Self.checkRepresentable(report.revenue, "revenue")
        var use = try UseParameters.decode(record.useParameters).declaredUse(action)
        use.count = count
        use.period = report.period.start
        use.revenue = report.revenue
        let licence = try issued(record, offer: offer, compiled: compiled, owners: context.owners)
        let transaction = LicenceTransaction(kind: .report, sender: context.sender, payment: report.payment, use: use)
        let evaluation = LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger(at: context.position, context: context), gasLimit: gasCap)
        var decision = try LicenceVerdictMapping.decision(evaluation, current: record.state)
        decision.termsState = try LicenceTermsStateCodec.after(licence.state, evaluation, revenue: report.revenue)
        return decision
    }

    /// Whether a `derive` by the licensee, under the use declared at acceptance, is permitted
    /// at the registration `context` describes (its block, the licensed work's owners as
    /// licensors, the ledger's facts about that work and its ancestors). Anything that cannot
    /// be evaluated answers false.
    func derivativesAllowed(licence record: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                            context: LicenceContext) -> Bool {
        do {
            let compiled = try compiled(template)
            let use = try UseParameters.decode(record.useParameters).declaredUse(.derive)
            let licence = try issued(record, offer: offer, compiled: compiled, owners: context.owners)
            let transaction = LicenceTransaction(kind: .derive, sender: record.licensee, use: use)
            let evaluation = LicenceEvaluator.evaluate(transaction, on: licence, ledger: ledger(at: context.position, context: context), gasLimit: gasCap)
            return evaluation.verdict == .permitted
        } catch {
            return false
        }
    }

    /// An issued licence as the terms see it, with the counters, variables and reported
    /// revenue its record keeps (`LicenceTermsStateCodec`).
    private func issued(_ record: LicenceRecord, offer: OfferRecord, compiled: LicenceTemplate,
                        owners: [Ownership]) throws(LicenceRefusal) -> Licence {
        let state = try LicenceTermsStateCodec.decode(
            record.termsState, into: LicenceTermsState(status: LicenceVerdictMapping.status(record.state), totalPaid: record.totalPaid))
        return Licence(
            id: record.id, template: compiled, parameters: try OfferParameters.bind(offer.offer.parameters, to: compiled),
            work: record.workId, issuedAt: record.issued.timestamp, licensee: record.licensee,
            licensors: Self.licensors(owners), state: state, ledgerTemplateId: offer.offer.templateId)
    }

    private func ledger(at position: ChainPosition, context: LicenceContext) -> ChainLicenceLedger {
        ChainLicenceLedger(height: position.height, time: position.timestamp, chainId: String(chainId),
                           works: context.works.mapValues(Self.facts), licencesOnWork: context.licencesOnWork)
    }

    /// A work's ledger record as the terms see it.
    private static func facts(_ work: WorkContext) -> WorkFacts {
        WorkFacts(id: .zero, owners: licensors(work.owners), registeredAt: work.registeredAt, media: medium(work.mediaType),
                  parents: work.parents, ancestors: work.ancestors, upstreamState: work.upstreamState.map(LicenceVerdictMapping.status))
    }

    private static func medium(_ type: MediaType) -> UseMedium {
        switch type {
        case .audio: return .audio
        case .image: return .image
        case .text: return .text
        }
    }

    /// The work's owners as licence shares (weights in parts per 100,000,000).
    private static func licensors(_ owners: [Ownership]) -> [Share] {
        owners.map { Share(party: $0.owner, weight: Int64(clamping: $0.share)) }
    }

    /// The VM holds money as Int64; an amount beyond it would be clamped, so it is refused.
    private static func checkRepresentable(_ amount: Amount, _ what: String) throws(LicenceRefusal) {
        guard amount.baseUnits <= UInt64(Int64.max) else {
            throw LicenceRefusal(reason: "amount-too-large: the \(what) does not fit the licence VM's money range")
        }
    }
}

/// Ledger facts for one evaluation: the licensed work and its ancestors as the chain passed
/// them in the `LicenceContext`, and the other licences on the licensed work, read only when
/// terms ask for `other_grants(a)`.
struct ChainLicenceLedger: LicenceLedgerView {
    let height: UInt64
    let time: Int64
    let chainId: String
    let works: [WorkId: WorkFacts]
    let licencesOnWork: @Sendable () -> [LicenceRecord]?

    func work(_ id: Hash256) -> WorkFacts? {
        guard var facts = works[id] else { return nil }
        facts.id = id
        return facts
    }

    /// The territories that active licences on `work`, other than `licence`, declared for
    /// `action` at acceptance. Unknown (nil) when the licences cannot be read or one of them
    /// granting `action` declared no territory (it could be anywhere), so terms refuse rather
    /// than guess. Only the licensed work's licences are passed.
    func grants(of action: LicenceAction, on work: Hash256, excluding licence: Hash256) -> [String]? {
        guard let records = licencesOnWork() else { return nil }
        var territories: [String] = []
        for record in records where record.workId == work && record.id != licence && record.state == .active {
            guard let use = try? UseParameters.decode(record.useParameters) else { return nil }
            guard use.action == action else { continue }
            guard let declared = use.territories else { return nil }
            territories += declared
        }
        return territories
    }
}

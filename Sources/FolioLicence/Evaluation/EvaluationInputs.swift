import FolioCore

/// Everything one evaluation reads, resolved to VM values on demand.
struct EvaluationInputs {
    let licence: Licence
    let transaction: LicenceTransaction
    let ledger: any LicenceLedgerView
    /// Parameter values in declaration order.
    let parameters: [LicenceValue]
    /// Set for the publish-time checks: only these facts are known, and every parameter,
    /// counter, variable and ledger lookup is unknown in the sense of "could be anything".
    var assumed: [Fact: LicenceValue]?

    func variable(_ index: Int, of program: Program) -> LicenceValue {
        if assumed != nil { return .unknown }
        let slot = program.variables[index]
        return licence.state.variables[slot.name] ?? slot.initial
    }

    func counter(_ key: CounterKey) -> Int64 { licence.state.counters[key] ?? 0 }

    func owners(of id: [UInt8]) -> LicenceValue {
        if assumed != nil { return .unknown }
        guard let hash = Hash256(bytes: id), let work = ledger.work(hash) else { return .unknown }
        return LicenceValue.canonicalShares(work.owners) ?? .unknown
    }

    func otherGrants(_ action: LicenceAction) -> LicenceValue {
        if assumed != nil { return .unknown }
        guard let codes = ledger.grants(of: action, on: licence.work, excluding: licence.id) else { return .unknown }
        return territories(codes)
    }

    private func territories(_ codes: [String]) -> LicenceValue {
        var values: [LicenceValue] = []
        for code in codes {
            guard let value = LicenceValue.territory(code) else { return .unknown }
            values.append(value)
        }
        return LicenceValue.canonicalSet(values)
    }

    private func list(_ ids: [Hash256], cap: Int) -> LicenceValue {
        ids.count <= cap ? .list(ids.map { .id($0) }) : .unknown
    }

    private static func known<T>(_ value: T?, _ wrap: (T) -> LicenceValue) -> LicenceValue {
        value.map(wrap) ?? .unknown
    }

    func fact(_ fact: Fact) -> LicenceValue {
        if let assumed { return assumed[fact] ?? .unknown }
        let use = transaction.use
        // Read only by the work facts: most facts need no ledger look-up (and no copy of the
        // work's owners), and a settlement reads several (B14).
        var work: WorkFacts? { ledger.work(licence.work) }
        switch fact {
        case .ledgerHeight: return .int(Int64(clamping: ledger.height))
        case .ledgerTime: return .int(ledger.time)
        case .ledgerChainId: return .text(ledger.chainId)
        case .txSender: return .party(transaction.sender)
        case .txKind: return .int(Int64(transaction.kind.rawValue))
        case .txPayment: return .money(transaction.payment)
        case .licenceId: return .id(licence.id)
        case .licenceTemplate: return .id(licence.ledgerTemplateId ?? licence.template.id)
        case .licenceIssuedAt: return Self.known(licence.issuedAt) { .int($0) }
        case .licenceLicensee: return Self.known(licence.licensee) { .party($0) }
        case .licenceLicensors: return LicenceValue.canonicalShares(licence.licensors) ?? .unknown
        case .licenceState: return .int(Int64(licence.state.status.rawValue))
        case .licenceTotalPaid: return .money(licence.state.totalPaid)
        case .licenceReportedRevenue: return .money(licence.state.reportedRevenue)
        case .workId: return .id(licence.work)
        case .workOwners: return Self.known(work) { LicenceValue.canonicalShares($0.owners) ?? .unknown }
        case .workRegisteredAt: return Self.known(work) { .int($0.registeredAt) }
        case .workMedia: return Self.known(work?.media) { .int(Int64($0.rawValue)) }
        case .workParents: return Self.known(work) { list($0.parents, cap: Limits.parents) }
        case .workAncestors: return Self.known(work) { list($0.ancestors, cap: Limits.collection) }
        case .useAction: return Self.known(use) { .int(Int64($0.action.rawValue)) }
        case .useTerritory: return Self.known(use?.territories) { territories($0) }
        case .useMedium: return Self.known(use?.medium) { .int(Int64($0.rawValue)) }
        case .usePurpose: return Self.known(use?.purpose) { .int(Int64($0.rawValue)) }
        case .useCount: return Self.known(use?.count) { .int($0) }
        case .useRevenue: return Self.known(use?.revenue) { .money($0) }
        case .useLanguage: return Self.known(use?.language) { .text($0) }
        case .usePeriod: return Self.known(use?.period) { .int($0) }
        case .useTarget: return Self.known(use?.target) { .text($0) }
        case .useAttributed: return Self.known(use?.attributed) { .bool($0) }
        case .useDerivativeTemplate: return Self.known(use?.derivativeTemplate) { .id($0) }
        case .useApproved: return Self.known(use?.approved) { .bool($0) }
        case .workUpstreamState: return Self.known(work?.upstreamState) { .int(Int64($0.rawValue)) }
        }
    }
}

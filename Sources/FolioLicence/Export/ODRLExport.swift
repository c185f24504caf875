import Foundation

extension LicenceTemplate {
    /// The template as an ODRL 2.2 policy in JSON-LD (a `Set` policy whose rules apply to the
    /// licensed work). Terms ODRL lacks are under the Folio profile (`folio:` prefix); CC's
    /// Attribution, ShareAlike, CommercialUse and DerivativeWorks are used where Folio's rules
    /// mean the same. Keys are sorted, so equal templates export equal bytes.
    public func odrlJSONLD() -> String {
        let policy = ODRLExport.policy(self)
        guard let data = try? JSONSerialization.data(withJSONObject: policy, options: [.prettyPrinted, .sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Builds the ODRL policy object from a compiled program.
enum ODRLExport {
    static let target = "folio:licensedWork"

    static func policy(_ template: LicenceTemplate) -> [String: Any] {
        let program = template.program
        let uid = "urn:folio:template:\(template.id.hex)"
        let duties = program.clauses.filter { $0.sort == .duty }
        let compensation = program.clauses.filter { clause in clause.handlerKind != nil && pays(clause, program) }
            .map { clause -> [String: Any] in
                ["action": "compensate", "folio:on": clause.handlerKind?.name ?? "", "folio:rule": clause.name]
            }
        var permissions: [[String: Any]] = []
        var prohibitions: [[String: Any]] = []
        var attachedDuties: Set<String> = []
        for clause in program.clauses {
            switch clause.sort {
            case .permission:
                var rule = self.rule(clause, program, uid)
                let mine = duties.filter { shareAnAction(clause.actions, $0.actions) }
                attachedDuties.formUnion(mine.map(\.name))
                let attached = mine.map { duty($0, program, uid) } + compensation
                if !attached.isEmpty { rule["duty"] = attached }
                permissions.append(rule)
            case .prohibition:
                prohibitions.append(prohibition(clause, program, uid))
            case .duty, .handler:
                break
            }
        }
        var obligations = duties.filter { !attachedDuties.contains($0.name) }.map { duty($0, program, uid) }
        if permissions.isEmpty { obligations += compensation }
        var policy: [String: Any] = [
            "@context": [ODRLVocabulary.odrlContext,
                         ["cc": ODRLVocabulary.ccNamespace, "folio": ODRLVocabulary.folioNamespace,
                          "xsd": "http://www.w3.org/2001/XMLSchema#"]],
            "@type": "Set",
            "uid": uid,
            "profile": ODRLVocabulary.profile,
            // Folio refuses when a prohibition and a permission both hold.
            "conflict": "prohibit",
            "folio:template": template.name,
        ]
        if !permissions.isEmpty { policy["permission"] = permissions }
        if !prohibitions.isEmpty { policy["prohibition"] = prohibitions }
        if !obligations.isEmpty { policy["obligation"] = obligations }
        return policy
    }

    private static func shareAnAction(_ a: [LicenceAction]?, _ b: [LicenceAction]?) -> Bool {
        guard let a, let b else { return true }
        return a.contains { b.contains($0) }
    }

    /// The instructions of a clause's body, from its entry to its `ret`.
    static func body(_ clause: CompiledClause, _ program: Program) -> ArraySlice<Instruction> {
        guard let entry = clause.body, Int(entry) < program.code.count else { return [] }
        let end = program.code[Int(entry)...].firstIndex(of: .ret) ?? program.code.count
        return program.code[Int(entry)..<end]
    }

    private static func pays(_ clause: CompiledClause, _ program: Program) -> Bool {
        body(clause, program).contains { $0 == .pay || $0 == .paySplit }
    }

    private static func rule(_ clause: CompiledClause, _ program: Program, _ uid: String) -> [String: Any] {
        var rule: [String: Any] = ["uid": "\(uid)#\(clause.name)", "target": target, "action": ODRLVocabulary.actions(clause.actions)]
        if let condition = ConditionTerm.condition(of: clause, in: program) {
            rule["constraint"] = ODRLConstraint.constraints(condition)
        } else if clause.condition != nil {
            rule["constraint"] = [ODRLConstraint.opaque("the condition of \(clause.name)")]
        }
        return rule
    }

    static let commercialPurpose = ConditionTerm.compare(.equal, .fact(.usePurpose), .constant(.int(Int64(UsePurpose.commercial.rawValue))))

    /// A prohibition of every action for a commercial purpose is CC's CommercialUse.
    private static func prohibition(_ clause: CompiledClause, _ program: Program, _ uid: String) -> [String: Any] {
        var rule = self.rule(clause, program, uid)
        if clause.actions == nil, let condition = ConditionTerm.condition(of: clause, in: program),
           condition.conjuncts.contains(commercialPurpose) {
            rule["action"] = "cc:CommercialUse"
            let rest = condition.conjuncts.filter { $0 != commercialPurpose }
            rule["constraint"] = rest.isEmpty ? nil : rest.flatMap(ODRLConstraint.constraints)
        }
        return rule
    }

    /// A duty named for what its condition asks of the licensee.
    private static func duty(_ clause: CompiledClause, _ program: Program, _ uid: String) -> [String: Any] {
        var duty: [String: Any] = ["uid": "\(uid)#\(clause.name)", "folio:rule": clause.name,
                                   "folio:covers": ODRLVocabulary.actions(clause.actions)]
        let conjuncts = ConditionTerm.condition(of: clause, in: program)?.conjuncts ?? []
        let (action, recognised) = LicenseeDuty.kind(of: conjuncts)
        duty["action"] = action?.odrlAction ?? "folio:meetCondition"
        let rest = conjuncts.filter { $0 != recognised }
        if !rest.isEmpty { duty["constraint"] = rest.flatMap(ODRLConstraint.constraints) }
        let consequences = body(clause, program).compactMap { instruction -> [String: Any]? in
            guard case let .setStatus(status) = instruction else { return nil }
            return ["action": "folio:" + LicenseeDuty.verb(status)]
        }
        if !consequences.isEmpty { duty["consequence"] = consequences }
        return duty
    }
}

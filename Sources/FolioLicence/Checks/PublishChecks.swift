/// The static checks run when a template is published, besides worst-case gas: rules that can
/// never fire, overlapping permissions and prohibitions, and (for a derivative) conflicts with
/// its parent's share-alike or no-derivatives terms.
enum PublishChecks {
    static func diagnostics(_ template: LicenceTemplate) -> [LicenceDiagnostic] {
        guard let rules = SymbolicRules(template) else { return [] }
        return unreachable(rules) + overlaps(rules)
    }

    /// Rules whose firing no input can bring about.
    static func unreachable(_ rules: SymbolicRules) -> [LicenceDiagnostic] {
        var found: [LicenceDiagnostic] = []
        for (index, clause) in rules.clauses.enumerated() {
            let actions = SymbolicRules.actions(of: clause)
            switch clause.sort {
            case .handler:
                continue
            case .duty:
                if actions.allSatisfy({ action in
                    rules.assignments(for: [clause], fixed: SymbolicRules.use(action)).allSatisfy { rules.holds(clause, $0) == true }
                }) {
                    found.append(.unreachableRule(rule: clause.name, reason: "its condition always holds, so it never refuses"))
                }
            case .prohibition:
                if actions.allSatisfy({ action in
                    rules.assignments(for: [clause], fixed: SymbolicRules.use(action)).allSatisfy { rules.holds(clause, $0) == false }
                }) {
                    found.append(.unreachableRule(rule: clause.name, reason: "its condition is never true"))
                }
            case .permission:
                if let reason = permissionNeverGrants(clause, at: index, rules) {
                    found.append(.unreachableRule(rule: clause.name, reason: reason))
                }
            }
        }
        return found
    }

    /// Why a permission can never be the one that grants, or nil if some use lets it grant.
    private static func permissionNeverGrants(_ clause: CompiledClause, at index: Int, _ rules: SymbolicRules) -> String? {
        var ownConditionFalse = true
        for action in SymbolicRules.actions(of: clause) {
            let others = rules.clauses.enumerated().filter { other in
                guard other.offset != index, other.element.covers(action) else { return false }
                switch other.element.sort {
                case .duty, .prohibition: return true
                case .permission: return other.offset < index
                case .handler: return false
                }
            }.map(\.element)
            for assumed in rules.assignments(for: [clause] + others, fixed: SymbolicRules.use(action)) {
                guard rules.holds(clause, assumed) != false else { continue }
                ownConditionFalse = false
                let blocked = others.contains { other in
                    switch other.sort {
                    case .duty: return rules.holds(other, assumed) == false
                    case .prohibition, .permission: return rules.holds(other, assumed) == true
                    case .handler: return false
                    }
                }
                if !blocked { return nil }
            }
        }
        return ownConditionFalse
            ? "its condition is never true"
            : "every use it covers is refused by a duty or prohibition, or granted by an earlier permission"
    }

    /// Permissions and prohibitions that name an action explicitly (not through `any`) and can
    /// hold under one assignment. A rule over `any` with a narrower exception is the usual way
    /// to write "everything but", so it is not reported.
    static func overlaps(_ rules: SymbolicRules) -> [LicenceDiagnostic] {
        var found: [LicenceDiagnostic] = []
        for permission in rules.clauses where permission.sort == .permission {
            for prohibition in rules.clauses where prohibition.sort == .prohibition {
                guard let granted = permission.actions, let refused = prohibition.actions else { continue }
                let shared = granted.filter { action in
                    refused.contains(action) && rules.assignments(for: [permission, prohibition], fixed: SymbolicRules.use(action))
                        .contains { rules.holds(permission, $0) != false && rules.holds(prohibition, $0) != false }
                }
                if !shared.isEmpty {
                    found.append(.overlap(permission: permission.name, prohibition: prohibition.name, actions: shared))
                }
            }
        }
        return found
    }

    /// Whether `parent`'s rules always refuse deriving a work offered under `child`.
    static func derivativeConflict(parent: LicenceTemplate, child: LicenceTemplate) -> LicenceDiagnostic? {
        guard let rules = SymbolicRules(parent) else { return nil }
        var fixed = SymbolicRules.use(.derive)
        fixed[.useDerivativeTemplate] = .id(child.id)
        fixed[.licenceTemplate] = .id(parent.id)
        fixed[.txKind] = .int(Int64(TransactionKind.derive.rawValue))
        let covering = rules.clauses.filter { $0.handlerKind == nil && $0.covers(.derive) }
        let assignments = rules.assignments(for: covering, fixed: fixed)
        for clause in covering where clause.sort == .duty && assignments.allSatisfy({ rules.holds(clause, $0) == false }) {
            return .derivativeConflict(parentRule: clause.name, reason: "a derivative offered under template \(child.id.hex) can never meet it")
        }
        for clause in covering where clause.sort == .prohibition && assignments.allSatisfy({ rules.holds(clause, $0) == true }) {
            return .derivativeConflict(parentRule: clause.name, reason: "it prohibits every derivative")
        }
        let permissions = covering.filter { $0.sort == .permission }
        if assignments.allSatisfy({ assumed in permissions.allSatisfy { rules.holds($0, assumed) == false } }) {
            return .derivativeConflict(parentRule: "no-permission", reason: "no permission of the parent grants derive")
        }
        return nil
    }
}

extension CompiledClause {
    /// The transaction kind of a handler; nil for rules.
    var handlerKind: TransactionKind? {
        if case let .handler(kind) = sort { return kind }
        return nil
    }
}

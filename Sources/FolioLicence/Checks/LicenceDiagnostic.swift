/// A finding of the publish-time checks (docs/licence-language.md §8).
public enum LicenceDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A rule that no transaction can make grant, refuse or breach.
    case unreachableRule(rule: String, reason: String)
    /// A permission and a prohibition that both name these actions and can hold together; the
    /// prohibition wins, so the permission does not grant what it seems to.
    case overlap(permission: String, prohibition: String, actions: [LicenceAction])
    /// A derivative offered under a template its parent's rule always refuses (share-alike,
    /// no-derivatives, or no permission to derive at all).
    case derivativeConflict(parentRule: String, reason: String)

    /// Whether the finding refuses publication; overlaps are warnings.
    public var isError: Bool {
        if case .overlap = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case let .unreachableRule(rule, reason):
            return "rule '\(rule)' can never fire: \(reason); remove it or fix its condition"
        case let .overlap(permission, prohibition, actions):
            return "permission '\(permission)' and prohibition '\(prohibition)' both cover \(actions.map(\.name).joined(separator: ", "))"
                + " and can hold together; the prohibition wins, so narrow one of them"
        case let .derivativeConflict(rule, reason):
            return "the parent's rule '\(rule)' refuses this derivative: \(reason)"
        }
    }
}

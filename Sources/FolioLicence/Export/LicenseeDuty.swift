/// What a duty asks of the licensee, recognised from its condition: the facts a use declares
/// to show it met the duty. Shared by the ODRL export and the explain facility.
enum LicenseeDuty: Equatable, Sendable {
    /// `use.attributed`: credit the work as the licence requires.
    case attribute
    /// `use.derivative_template == licence.template`: offer the derivative under these terms.
    case shareAlike
    /// `use.approved`: attach the owner's approval.
    case obtainApproval

    var odrlAction: String {
        switch self {
        case .attribute: return "cc:Attribution"
        case .shareAlike: return "cc:ShareAlike"
        case .obtainApproval: return "obtainConsent"
        }
    }

    static let sameTemplate = ConditionTerm.compare(.equal, .fact(.useDerivativeTemplate), .fact(.licenceTemplate))
    static let sameTemplateMirrored = ConditionTerm.compare(.equal, .fact(.licenceTemplate), .fact(.useDerivativeTemplate))

    /// The first conjunct that names a recognised duty, and that duty.
    static func kind(of conjuncts: [ConditionTerm]) -> (LicenseeDuty?, ConditionTerm?) {
        for term in conjuncts {
            switch term {
            case .fact(.useAttributed): return (.attribute, term)
            case .fact(.useApproved): return (.obtainApproval, term)
            case sameTemplate, sameTemplateMirrored: return (.shareAlike, term)
            default: continue
            }
        }
        return (nil, nil)
    }

    /// The statement that leads to `status`.
    static func verb(_ status: LicenceStatus) -> String {
        switch status {
        case .terminated: return "terminate"
        case .suspended: return "suspend"
        case .active: return "reinstate"
        case .expired: return "expire"
        case .offered: return "offer"
        }
    }
}

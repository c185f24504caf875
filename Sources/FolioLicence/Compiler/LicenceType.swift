/// The static types of the licence language (docs/licence-language.md §4).
public indirect enum LicenceType: Hashable, Sendable, CustomStringConvertible {
    case bool, int, decimal, ratio
    case money(currency: String)
    case time, duration, height
    case party, workId, licenceId, templateId, territory, text
    case action, purpose, medium, status, kind
    case set(LicenceType)
    case list(LicenceType)
    case shares

    /// Names of the types written without arguments.
    static let simpleNames: [String: LicenceType] = [
        "Bool": .bool, "Int": .int, "Decimal": .decimal, "Ratio": .ratio, "Time": .time,
        "Duration": .duration, "Height": .height, "Party": .party, "WorkId": .workId,
        "LicenceId": .licenceId, "TemplateId": .templateId, "Territory": .territory, "Text": .text,
        "Action": .action, "Purpose": .purpose, "Medium": .medium, "Status": .status, "Kind": .kind,
        "Shares": .shares,
    ]

    public var description: String {
        switch self {
        case let .money(currency): return "Money(\(currency))"
        case let .set(element): return "Set(\(element))"
        case let .list(element): return "List(\(element))"
        default:
            return LicenceType.simpleNames.first { $0.value == self }?.key ?? "?"
        }
    }

    /// Types ordered by `<`.
    var isOrdered: Bool {
        switch self {
        case .int, .decimal, .ratio, .money, .time, .duration, .height: return true
        default: return false
        }
    }

    /// Types that may be set elements or counter keys.
    var isScalar: Bool {
        switch self {
        case .set, .list, .shares: return false
        default: return true
        }
    }

    /// Element type of a collection (a `Shares` iterates its parties).
    var element: LicenceType? {
        switch self {
        case let .set(element), let .list(element): return element
        case .shares: return .party
        default: return nil
        }
    }

    /// Values held as bytes rather than integers.
    var isBytes: Bool {
        switch self {
        case .party, .workId, .licenceId, .templateId, .text: return true
        default: return false
        }
    }
}

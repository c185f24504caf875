/// ODRL-based actions a declared use can name (docs/licence-language.md §6).
public enum LicenceAction: UInt8, CaseIterable, Sendable, Hashable {
    case play, stream, display, print, reproduce, distribute, modify, derive, synchronize
    case trainAI = 9, transfer, perform

    // Spelled out: `"\(self)"` goes through reflection, and a usage report looks its action up
    // by name on every settlement (B14).
    /// The name used in licence source.
    public var name: String {
        switch self {
        case .play: "play"
        case .stream: "stream"
        case .display: "display"
        case .print: "print"
        case .reproduce: "reproduce"
        case .distribute: "distribute"
        case .modify: "modify"
        case .derive: "derive"
        case .synchronize: "synchronize"
        case .trainAI: "train_ai"
        case .transfer: "transfer"
        case .perform: "perform"
        }
    }
}

/// Purposes of a declared use.
public enum UsePurpose: UInt8, CaseIterable, Sendable, Hashable {
    case commercial, editorial, personal, research, education

    /// The name used in licence source.
    public var name: String { "\(self)" }
}

/// Media and channels of a work or a declared use.
public enum UseMedium: UInt8, CaseIterable, Sendable, Hashable {
    case audio, image, text, video, film, game, online, physical, radio, television

    /// The name used in licence source.
    public var name: String { "\(self)" }
}

/// Where a licence is in its life.
public enum LicenceStatus: UInt8, CaseIterable, Sendable, Hashable {
    case offered, active, suspended, terminated, expired

    /// The name used in licence source.
    public var name: String { "\(self)" }
}

/// The transactions a licence program reacts to.
public enum TransactionKind: UInt8, CaseIterable, Sendable, Hashable {
    case accept, report, pay, derive, transfer

    /// The name used in licence source.
    public var name: String { "\(self)" }
}

/// The sorts of clause a licence declares.
enum ClauseSort: Equatable, Sendable {
    case permission, prohibition, duty
    case handler(TransactionKind)

    /// The prefix of an unnamed clause's rule name.
    var namePrefix: String {
        switch self {
        case .permission: return "permit"
        case .prohibition: return "prohibit"
        case .duty: return "duty"
        case let .handler(kind): return "on-\(kind.name)"
        }
    }
}

/// Named constants of the enumerated types, in lookup order (a bare name shared by two
/// categories means the first).
enum Vocabulary {
    static func constant(named name: String) -> (LicenceType, Int64)? {
        if let action = LicenceAction.allCases.first(where: { $0.name == name }) { return (.action, Int64(action.rawValue)) }
        if let purpose = UsePurpose.allCases.first(where: { $0.name == name }) { return (.purpose, Int64(purpose.rawValue)) }
        if let medium = UseMedium.allCases.first(where: { $0.name == name }) { return (.medium, Int64(medium.rawValue)) }
        if let status = LicenceStatus.allCases.first(where: { $0.name == name }) { return (.status, Int64(status.rawValue)) }
        if let kind = TransactionKind.allCases.first(where: { $0.name == name }) { return (.kind, Int64(kind.rawValue)) }
        return nil
    }

    /// A constant qualified by its category: `Kind.derive`.
    static func constant(category: String, name: String) -> (LicenceType, Int64)? {
        switch category {
        case "Action": return LicenceAction.allCases.first { $0.name == name }.map { (.action, Int64($0.rawValue)) }
        case "Purpose": return UsePurpose.allCases.first { $0.name == name }.map { (.purpose, Int64($0.rawValue)) }
        case "Medium": return UseMedium.allCases.first { $0.name == name }.map { (.medium, Int64($0.rawValue)) }
        case "Status": return LicenceStatus.allCases.first { $0.name == name }.map { (.status, Int64($0.rawValue)) }
        case "Kind": return TransactionKind.allCases.first { $0.name == name }.map { (.kind, Int64($0.rawValue)) }
        default: return nil
        }
    }
}

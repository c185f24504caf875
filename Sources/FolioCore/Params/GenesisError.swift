/// Why a genesis file (or a set of chain parameters) was refused. Each case names the field,
/// as a JSON path such as `poa.authorities[2]`, so the file can be fixed where it is wrong.
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The genesis file could not be read.
    case unreadable(path: String, detail: String)
    /// The bytes are not JSON, or not UTF-8.
    case malformedJSON(detail: String)
    /// A field the format does not define (often a misspelling).
    case unknownField(path: String)
    /// A required field is absent.
    case missingField(path: String)
    /// A field holds the wrong JSON type (a string where a number belongs, a fraction…).
    case wrongType(path: String, expected: String)
    /// `engine` names no known engine.
    case unknownEngine(String)
    /// `engine` is set but its parameter object (`pow` or `poa`) is absent.
    case missingEngineSection(engine: String)
    /// A parameter object for an engine other than `engine` is present.
    case conflictingEngineSection(engine: String, section: String)
    /// `network` is neither `main` nor `test`.
    case unknownNetwork(String)
    /// A hex field is not `digits` hexadecimal digits.
    case badHex(path: String, digits: Int)
    /// An address is neither this network's bech32m text nor 40 hex digits.
    case badAddress(path: String, reason: String)
    /// A public key is not a valid Ed25519 key encoding.
    case badPublicKey(path: String)
    /// A proof-of-authority genesis names no authority.
    case missingAuthorities
    /// The same authority is listed twice.
    case duplicateAuthority(path: String)
    /// A list is longer than its cap.
    case tooMany(path: String, count: Int, cap: Int)
    /// A number lies outside the range the field allows.
    case outOfRange(path: String, value: Int64, range: String)
    /// The duplicate threshold is not below the similarity threshold.
    case thresholdsOutOfOrder(duplicate: Int, similarity: Int)
    /// Compact target bits that encode no valid target (negative, zero or over 256 bits).
    case invalidCompactBits(path: String, bits: UInt32)
    /// The prefunded amounts add up to more than an `Amount` can hold.
    case prefundTotalOverflow

    public var description: String {
        switch self {
        case let .unreadable(path, detail): return "cannot read the genesis file \(path): \(detail)"
        case let .malformedJSON(detail): return "the genesis file is not valid JSON: \(detail)"
        case let .unknownField(path): return "\(path) is not a genesis field; check its spelling"
        case let .missingField(path): return "\(path) is missing; add it"
        case let .wrongType(path, expected): return "\(path) must be \(expected)"
        case let .unknownEngine(name): return "engine \"\(name)\" is unknown; use \"pow\" or \"poa\""
        case let .missingEngineSection(engine): return "engine is \"\(engine)\" but there is no \"\(engine)\" object"
        case let .conflictingEngineSection(engine, section):
            return "engine is \"\(engine)\" but a \"\(section)\" object is present; remove it"
        case let .unknownNetwork(name): return "network \"\(name)\" is unknown; use \"main\" or \"test\""
        case let .badHex(path, digits): return "\(path) must be \(digits) hexadecimal digits"
        case let .badAddress(path, reason):
            return "\(path) is not an address for this network (bech32m text or 40 hex digits): \(reason)"
        case let .badPublicKey(path): return "\(path) is not an Ed25519 public key"
        case .missingAuthorities: return "poa.authorities is empty; a proof-of-authority chain needs at least one"
        case let .duplicateAuthority(path): return "\(path) repeats an earlier authority"
        case let .tooMany(path, count, cap): return "\(path) has \(count) entries; at most \(cap) are allowed"
        case let .outOfRange(path, value, range): return "\(path) is \(value); it must be in \(range)"
        case let .thresholdsOutOfOrder(duplicate, similarity):
            return "fingerprint.duplicateDistance (\(duplicate)) must be below similarityDistance (\(similarity))"
        case let .invalidCompactBits(path, bits):
            return "\(path) (\(String(bits, radix: 16))) encodes no valid target"
        case .prefundTotalOverflow: return "the prefunded amounts add up to more than 2^64 - 1 base units"
        }
    }
}

/// Why the configuration was refused; each message names the setting and how to fix it.
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A flag, file key or environment variable names no setting.
    case unknownKey(source: String, key: String, nearest: String?)
    /// A flag was given without a value.
    case missingValue(flag: String)
    /// A value does not fit its setting.
    case invalidValue(key: String, value: String, expected: String)
    /// `foliod.toml` is not valid TOML.
    case malformedFile(path: String, detail: String)
    /// `foliod.toml` sets something only a flag or environment variable may set.
    case notAllowedInFile(path: String, key: String)
    /// The file could not be read or written.
    case fileUnusable(path: String, detail: String)
    /// Two settings contradict each other.
    case conflict(String)

    public var description: String {
        switch self {
        case let .unknownKey(source, key, nearest):
            let hint = nearest.map { "; did you mean \"\($0)\"?" } ?? ""
            return "unknown setting \"\(key)\" in \(source)\(hint) (`foliod --help` lists every setting)"
        case let .missingValue(flag):
            return "\(flag) needs a value, as in \(flag)=VALUE or \(flag) VALUE"
        case let .invalidValue(key, value, expected):
            return "\(key) is \"\(value)\"; it must be \(expected)"
        case let .malformedFile(path, detail):
            return "\(path) is not valid TOML: \(detail); fix it or delete it to get a fresh commented one"
        case let .notAllowedInFile(path, key):
            return "\(path) sets \(key), which only a flag or FOLIO_ environment variable may set; remove it from the file"
        case let .fileUnusable(path, detail):
            return "cannot use \(path): \(detail); check the directory exists and is writable"
        case let .conflict(detail):
            return detail
        }
    }
}

/// Why the data directory could not be used.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The directory could not be created.
    case cannotCreate(path: String, detail: String)
    /// Another process holds the lock.
    case locked(path: String, holder: String)
    /// A file in it could not be written.
    case cannotWrite(path: String, detail: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, detail):
            return "cannot create the data directory \(path) (\(detail)); check its parent exists and is writable, or pass --datadir"
        case let .locked(path, holder):
            return "another foliod (\(holder)) is already using the data directory \(path); stop it first, or pass a different --datadir"
        case let .cannotWrite(path, detail):
            return "cannot write \(path) (\(detail)); check the data directory's permissions"
        }
    }
}

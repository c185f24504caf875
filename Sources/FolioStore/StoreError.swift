import FolioCore

/// FolioStore owns the `ChainStore` protocol and its two implementations (in memory and
/// SQLite through GRDB). It stores what it is given and validates nothing about consensus;
/// it refuses only what would leave its own indexes inconsistent.

/// Why a chain store operation failed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database was written by a newer version of Folio; nothing was changed.
    case newerSchema(found: Int, supported: Int)
    /// The file is not a Folio chain database or is damaged; nothing was changed.
    case corrupt(String)
    /// A stored value could not be decoded.
    case undecodable(what: String, error: CodecError)
    /// A batch does not fit the stored chain (a connect not on the tip, a revert of a block
    /// that is not the tip, missing undo data).
    case inconsistent(String)
    /// The underlying database reported an error.
    case database(String)
    /// The database holds records in a format this software no longer reads, and cannot be
    /// upgraded in place; nothing was changed.
    case outdatedFormat(String)

    public var description: String {
        switch self {
        case let .newerSchema(found, supported):
            return "chain database schema \(found) is newer than this software's \(supported); upgrade Folio"
        case let .corrupt(detail):
            return "chain database is corrupt or not a Folio database (\(detail)); restore it or resync into a new data directory"
        case let .undecodable(what, error): return "stored \(what) does not decode: \(error)"
        case let .inconsistent(detail): return "chain store batch is inconsistent: \(detail)"
        case let .database(detail): return "chain database error: \(detail)"
        case let .outdatedFormat(detail):
            return "chain database is in an older format (\(detail)); resync into a new data directory (move the old one aside)"
        }
    }
}

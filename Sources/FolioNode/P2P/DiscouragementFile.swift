import FolioPeer

/// The discouraged addresses on disk: `<datadir>/discouraged.dat`, beside `peers.dat`, the
/// bytes of `DiscouragementSnapshot` kept as a `SnapshotFile` (replaced atomically). Expiries
/// are wall-clock times; entries past theirs are dropped when read. A file that cannot be read
/// or does not decode is reported and ignored as a whole, never fatal.
enum DiscouragementFile {
    /// The file's name in the data directory.
    static let fileName = "discouraged.dat"

    /// What reading the file gave.
    enum Loaded {
        /// The entries still in force.
        case entries([Discouragement])
        /// There is no file (nobody discouraged yet, or a first start).
        case absent
        /// The file exists but cannot be used, and why.
        case unusable(String)
    }

    /// The entries at `path` still in force at `nowUnixMillis`.
    static func load(path: String, nowUnixMillis: Int64) -> Loaded {
        switch SnapshotFile.read(path: path, maximumBytes: DiscouragementSnapshot.maximumBytes) {
        case .absent: return .absent
        case let .unreadable(why): return .unusable(why)
        case let .bytes(bytes):
            do { return .entries(try DiscouragementSnapshot.decode(bytes, nowUnixMillis: nowUnixMillis)) } catch {
                return .unusable("\(error)")
            }
        }
    }

    /// Replaces the file at `path` with `bytes`, atomically.
    static func save(_ bytes: [UInt8], to path: String) throws(StorageError) {
        try SnapshotFile.replace(bytes, at: path)
    }
}

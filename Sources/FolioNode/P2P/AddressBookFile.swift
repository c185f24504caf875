import FolioPeer

/// The address book and anchors on disk: `<datadir>/peers.dat`, the bytes of
/// `AddressBookSnapshot`, kept as a `SnapshotFile` (replaced atomically). A file that cannot be
/// read or does not decode is reported, never fatal: the node starts with an empty book.
enum AddressBookFile {
    /// The file's name in the data directory.
    static let fileName = "peers.dat"

    /// What reading the file gave.
    enum Loaded {
        /// The book it held.
        case book(AddressBook)
        /// There is no file (a first start).
        case absent
        /// The file exists but cannot be used, and why.
        case unusable(String)
    }

    /// The book at `path`.
    static func load(path: String) -> Loaded {
        switch SnapshotFile.read(path: path, maximumBytes: AddressBookSnapshot.maximumBytes) {
        case .absent: return .absent
        case let .unreadable(why): return .unusable(why)
        case let .bytes(bytes):
            do { return .book(try AddressBookSnapshot.decode(bytes)) } catch { return .unusable("\(error)") }
        }
    }

    /// Replaces the file at `path` with `bytes`, atomically.
    static func save(_ bytes: [UInt8], to path: String) throws(StorageError) {
        try SnapshotFile.replace(bytes, at: path)
    }
}

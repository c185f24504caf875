import FolioPeer
#if canImport(Glibc)
import Glibc
#endif

/// The address book and anchors on disk: `<datadir>/peers.dat`, the bytes of
/// `AddressBookSnapshot`. Written whole to `peers.dat.tmp`, fsynced, renamed over the old
/// file and the directory fsynced, so a crash leaves the old book or the new one, never half.
/// A file that cannot be read or does not decode is reported, never fatal: the node starts
/// with an empty book.
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENOENT ? .absent : .unusable("cannot open it: \(String(cString: strerror(code)))")
        }
        defer { _ = close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unusable("cannot read it: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // Past the largest snapshot there is no need to read on: decoding refuses it.
            if bytes.count > AddressBookSnapshot.maximumBytes { break }
        }
        do { return .book(try AddressBookSnapshot.decode(bytes)) } catch { return .unusable("\(error)") }
    }

    /// Replaces the file at `path` with `bytes`, atomically.
    static func save(_ bytes: [UInt8], to path: String) throws(StorageError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporary, "open") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                let error = failure(temporary, "write")
                _ = close(descriptor)
                unlink(temporary)
                throw error
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            let error = failure(temporary, "fsync")
            _ = close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = failure(temporary, "close")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "rename")
            unlink(temporary)
            throw error
        }
        // The new file is in place; syncing the directory makes the rename survive a power cut.
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        let handle = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { throw failure(directory, "open directory") }
        defer { _ = close(handle) }
        guard fsync(handle) == 0 else { throw failure(directory, "fsync directory") }
    }

    private static func failure(_ path: String, _ operation: String) -> StorageError {
        .cannotWrite(path: path, detail: "\(operation): \(String(cString: strerror(errno)))")
    }
}

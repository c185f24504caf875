#if canImport(Glibc)
import Glibc
#endif

/// A small file the node keeps whole in its data directory (the address book, the discouraged
/// addresses): read with a size cap, replaced atomically. Written to `<path>.tmp` (mode
/// 0600), fsynced, renamed over the old file and the directory fsynced, so a crash leaves the
/// old contents or the new, never half.
enum SnapshotFile {
    /// What reading a file gave.
    enum Read {
        /// Its bytes (possibly cut just past the cap: the decoder refuses those).
        case bytes([UInt8])
        /// There is no file (a first start).
        case absent
        /// The file exists but cannot be read, and why.
        case unreadable(String)
    }

    /// The bytes at `path`, reading no further than one byte past `maximumBytes`.
    static func read(path: String, maximumBytes: Int) -> Read {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENOENT ? .absent : .unreadable("cannot open it: \(String(cString: strerror(code)))")
        }
        defer { _ = close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable("cannot read it: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // Past the largest snapshot there is no need to read on: decoding refuses it.
            if bytes.count > maximumBytes { break }
        }
        return .bytes(bytes)
    }

    /// Whether anything exists at `path`.
    static func exists(path: String) -> Bool { access(path, F_OK) == 0 }

    /// Replaces the file at `path` with `bytes`, atomically.
    static func replace(_ bytes: [UInt8], at path: String) throws(StorageError) {
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

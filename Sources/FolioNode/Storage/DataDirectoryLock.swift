import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<datadir>/.lock`, held for the process's life, so two nodes never
/// share a data directory. The kernel drops the lock if the process dies, so a stale file
/// never blocks a restart.
final class DataDirectoryLock: Sendable {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Creates the directory if needed and takes the lock, or throws `locked` naming the holder.
    init(dataDirectory: String) throws(StorageError) {
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: dataDirectory, detail: error.localizedDescription)
        }
        path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(".lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, detail: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw .locked(path: dataDirectory, holder: holder.map { "pid \($0)" } ?? "unknown process")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    /// Releases the lock.
    func release() {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

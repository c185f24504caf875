import FolioAPI
import FolioCrypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The RPC cookie: `__cookie__:<64 hex digits>` in `<datadir>/.cookie`, mode 0600, rewritten
/// with a fresh secret at each start and removed at exit, as bitcoind does.
struct CookieFile: Sendable {
    /// The file's path.
    let path: String
    /// The secret (the HTTP Basic password).
    let secret: String

    /// Writes a fresh cookie, replacing any left by a crashed run.
    static func create(dataDirectory: String) throws(StorageError) -> CookieFile {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(RPCDefaults.cookieFileName).path
        var random = SystemRandom()
        let secret: String
        do { secret = HexCoding.encode(try random.bytes(count: 32)) } catch {
            throw .cannotWrite(path: path, detail: "no secure random bytes: \(error)")
        }
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array("\(RPCDefaults.cookieUser):\(secret)".utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .cannotWrite(path: path, detail: String(cString: strerror(errno))) }
        return CookieFile(path: path, secret: secret)
    }

    /// Deletes the file.
    func remove() { unlink(path) }
}

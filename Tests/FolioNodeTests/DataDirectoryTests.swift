import FolioTestSupport
import Foundation
import Testing
@testable import FolioNode

@Suite struct DataDirectoryTests {
    /// A data directory path that does not exist yet, inside a temporary directory the caller removes.
    private func tempDirectory() throws -> (TemporaryDirectory, String) {
        let scratch = try TemporaryDirectory(prefix: "folio-dd")
        return (scratch, scratch.url.appendingPathComponent("data").path)
    }

    @Test func aSecondLockOnTheSameDirectoryIsRefused() throws {
        let (scratch, dir) = try tempDirectory()
        defer { scratch.remove() }
        let first = try DataDirectoryLock(dataDirectory: dir)
        defer { first.release() }
        #expect(throws: StorageError.locked(path: dir, holder: "pid \(ProcessInfo.processInfo.processIdentifier)")) {
            try DataDirectoryLock(dataDirectory: dir)
        }
    }

    @Test func aReleasedLockCanBeTakenAgain() throws {
        let (scratch, dir) = try tempDirectory()
        defer { scratch.remove() }
        try DataDirectoryLock(dataDirectory: dir).release()
        try DataDirectoryLock(dataDirectory: dir).release()
    }

    @Test func theCookieIsPrivateHoldsUserAndSecretAndIsRemoved() throws {
        let (scratch, dir) = try tempDirectory()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let cookie = try CookieFile.create(dataDirectory: dir)
        let attributes = try FileManager.default.attributesOfItem(atPath: cookie.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: cookie.path, encoding: .utf8) == "__cookie__:\(cookie.secret)")
        #expect(cookie.secret.count == 64)
        cookie.remove()
        #expect(!FileManager.default.fileExists(atPath: cookie.path))
    }

    @Test func eachStartWritesAFreshSecret() throws {
        let (scratch, dir) = try tempDirectory()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let first = try CookieFile.create(dataDirectory: dir)
        let second = try CookieFile.create(dataDirectory: dir)
        #expect(first.secret != second.secret)
    }
}

import FolioPeer
import FolioTestSupport
import FolioWire
import Foundation
import Testing
@testable import FolioNode

/// `<datadir>/peers.dat` on a real file system: written whole, read back, and a damaged or
/// unreadable file reported as unusable (the node then starts with an empty book).
@Suite struct AddressBookFileTests {
    static func book() -> AddressBook {
        var book = AddressBook(secret: [UInt8](repeating: 0x33, count: 32))
        for group in 0..<12 { book.add(PeerAddress(ip: IPAddress(80, UInt8(group), 1, 1), port: 9333, lastSeen: 1_700_000_000)) }
        book.markGood(PeerAddress(ip: IPAddress(90, 0, 0, 1), port: 9444, lastSeen: 1_700_000_100))
        return book
    }

    static func loadedBook(_ loaded: AddressBookFile.Loaded) -> AddressBook? {
        if case let .book(book) = loaded { return book }
        return nil
    }

    static func unusableReason(_ loaded: AddressBookFile.Loaded) -> String? {
        if case let .unusable(why) = loaded { return why }
        return nil
    }

    @Test func aSavedBookLoadsBackWithItsAnchorsAndNoTemporaryFileLeft() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        let book = Self.book()
        try AddressBookFile.save(AddressBookSnapshot.encode(book), to: path)
        let loaded = try #require(Self.loadedBook(AddressBookFile.load(path: path)))
        #expect(loaded.secret == book.secret)
        #expect(loaded.anchors == [PeerAddress(ip: IPAddress(90, 0, 0, 1), port: 9444, lastSeen: 1_700_000_100)])
        #expect(Set(loaded.entries) == Set(book.entries))
        #expect(loaded.count == 13)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == [AddressBookFile.fileName])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func savingAgainReplacesTheOldBook() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        try AddressBookFile.save(AddressBookSnapshot.encode(Self.book()), to: path)
        var smaller = AddressBook(secret: [UInt8](repeating: 0x44, count: 16))
        smaller.add(PeerAddress(ip: IPAddress(1, 1, 1, 1), port: 1, lastSeen: 1))
        try AddressBookFile.save(AddressBookSnapshot.encode(smaller), to: path)
        let loaded = try #require(Self.loadedBook(AddressBookFile.load(path: path)))
        #expect(loaded.entries == [PeerAddress(ip: IPAddress(1, 1, 1, 1), port: 1, lastSeen: 1)])
        #expect(loaded.secret == [UInt8](repeating: 0x44, count: 16))
    }

    @Test func noFileIsAFirstStartNotAnError() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        guard case .absent = AddressBookFile.load(path: directory.url.appendingPathComponent("peers.dat").path) else {
            Issue.record("a missing file should read as absent")
            return
        }
    }

    @Test func aDamagedFileIsUnusableWithItsReason() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        var bytes = AddressBookSnapshot.encode(Self.book())
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Self.unusableReason(AddressBookFile.load(path: path)) == "checksum mismatch (the file is damaged)")

        try Data(AddressBookSnapshot.encode(Self.book()).prefix(30)).write(to: URL(fileURLWithPath: path))
        #expect(Self.unusableReason(AddressBookFile.load(path: path)) == "not an address book (wrong magic)")

        try Data("hosts = [\"10.0.0.1\"]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.unusableReason(AddressBookFile.load(path: path)) != nil)
    }

    @Test func aFileTooLargeToBeABookIsRefusedWithoutReadingItAll() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        try Data(count: AddressBookSnapshot.maximumBytes * 3).write(to: URL(fileURLWithPath: path))
        let reason = try #require(Self.unusableReason(AddressBookFile.load(path: path)))
        #expect(reason.contains("more than an address book can hold"))
    }

    @Test func aDirectoryWhereTheFileShouldBeIsUnusableNotACrash() throws {
        let directory = try TemporaryDirectory(prefix: "folio-addrbook")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent(AddressBookFile.fileName).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(Self.unusableReason(AddressBookFile.load(path: path))?.hasPrefix("cannot read it") == true)
        // Saving cannot rename a file over a directory: an error, the directory untouched.
        #expect(throws: StorageError.self) { try AddressBookFile.save(AddressBookSnapshot.encode(Self.book()), to: path) }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func theNodeKnowsItsOwnListeningAddress() {
        #expect(P2PService.localAddresses(host: "127.0.0.1", port: 9333) == [AddressKey(ip: IPAddress(127, 0, 0, 1), port: 9333)])
        #expect(P2PService.localAddresses(host: "10.213.4.7", port: 40) == [AddressKey(ip: IPAddress(10, 213, 4, 7), port: 40)])
        #expect(P2PService.localAddresses(host: "0.0.0.0", port: 9333) == [AddressKey(ip: IPAddress(127, 0, 0, 1), port: 9333)])
        #expect(P2PService.localAddresses(host: "localhost", port: 9333).isEmpty)
        #expect(P2PService.localAddresses(host: "127.0.0.1", port: 0).isEmpty)
    }
}

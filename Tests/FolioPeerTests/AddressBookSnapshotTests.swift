import FolioCore
import FolioWire
import Testing
@testable import FolioPeer

/// The address book's bytes for the data directory: what goes in comes back, and damaged or
/// hostile bytes are refused with the reason, never read as a different book.
@Suite struct AddressBookSnapshotTests {
    static let secret = (0..<32).map { UInt8($0) }

    static func sampleBook() -> AddressBook {
        var book = AddressBook(secret: secret)
        for group in 0..<40 { book.add(PeerAddress(ip: IPAddress(UInt8(40 + group), 9, 0, 3), port: 9333, lastSeen: Int64(1_000 + group))) }
        book.markGood(PeerAddress(ip: IPAddress(7, 7, 7, 7), port: 7000, lastSeen: 5))
        book.markGood(PeerAddress(ip: IPAddress(8, 8, 8, 8), port: 8000, lastSeen: 6))
        return book
    }

    /// `bytes` with a freshly computed checksum, for hand-made bodies.
    static func sealed(_ body: [UInt8]) -> [UInt8] { body + SHA256.hash(body).bytes }

    @Test func aBookSurvivesTheRoundTripWithItsSecretAnchorsAndEntries() throws {
        let book = Self.sampleBook()
        let restored = try AddressBookSnapshot.decode(AddressBookSnapshot.encode(book))
        #expect(restored.secret == Self.secret)
        #expect(restored.anchors == [PeerAddress(ip: IPAddress(8, 8, 8, 8), port: 8000, lastSeen: 6),
                                     PeerAddress(ip: IPAddress(7, 7, 7, 7), port: 7000, lastSeen: 5)])
        #expect(restored.count == 42)
        #expect(Set(restored.entries) == Set(book.entries))
        // Same secret, same buckets: every entry lands where it was.
        for entry in book.entries { #expect(restored.bucket(of: entry.ip) == book.bucket(of: entry.ip)) }
    }

    /// The layout by hand for a one-entry book: magic, version 1, secret blob, anchors, entries, checksum.
    @Test func theLayoutIsTheDocumentedOne() throws {
        var book = AddressBook(secret: [UInt8](repeating: 0xAB, count: 16))
        book.add(PeerAddress(ip: IPAddress(1, 2, 3, 4), port: 0x1234, lastSeen: 0x0102))
        let bytes = AddressBookSnapshot.encode(book)
        let entry: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4, 0x34, 0x12, 0x02, 0x01, 0, 0, 0, 0, 0, 0]
        let body: [UInt8] = Array("FOLIOADB".utf8) + [1, 0, 0, 0] + [16] + [UInt8](repeating: 0xAB, count: 16) + [0] + [1] + entry
        #expect(bytes == Self.sealed(body))
    }

    @Test func everyFlippedBitIsCaughtByTheChecksum() throws {
        let bytes = AddressBookSnapshot.encode(Self.sampleBook())
        for index in stride(from: 8, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[index] ^= 0x10
            #expect(throws: AddressBookSnapshotError.checksumMismatch) { try AddressBookSnapshot.decode(damaged) }
        }
    }

    @Test func aTruncatedFileIsRefused() throws {
        let bytes = AddressBookSnapshot.encode(Self.sampleBook())
        for length in [0, 5, 8, 39, bytes.count / 2, bytes.count - 1] {
            #expect(throws: AddressBookSnapshotError.self) { try AddressBookSnapshot.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func otherBytesAreNotAnAddressBook() {
        #expect(throws: AddressBookSnapshotError.notAnAddressBook) {
            try AddressBookSnapshot.decode(Array("{\"peers\": []} and then some more text to pass the length".utf8))
        }
    }

    @Test func anUnknownFormatVersionIsRefusedByName() {
        let body = Array("FOLIOADB".utf8) + [2, 0, 0, 0] + [16] + [UInt8](repeating: 1, count: 16) + [0, 0]
        #expect(throws: AddressBookSnapshotError.unsupportedVersion(2)) { try AddressBookSnapshot.decode(Self.sealed(body)) }
    }

    @Test func aShortSecretIsRefused() {
        let body = Array("FOLIOADB".utf8) + [1, 0, 0, 0] + [4, 1, 2, 3, 4] + [0, 0]
        #expect(throws: AddressBookSnapshotError.secretTooShort(4)) { try AddressBookSnapshot.decode(Self.sealed(body)) }
    }

    @Test func bytesAfterTheEntriesAreRefused() {
        let body = Array("FOLIOADB".utf8) + [1, 0, 0, 0] + [16] + [UInt8](repeating: 1, count: 16) + [0, 0, 0xEE]
        #expect(throws: AddressBookSnapshotError.malformed(.trailingBytes(count: 1))) {
            try AddressBookSnapshot.decode(Self.sealed(body))
        }
    }

    @Test func aCountLargerThanTheBytesLeftIsRefusedBeforeAllocating() {
        // 60,000 entries claimed, none present.
        let body = Array("FOLIOADB".utf8) + [1, 0, 0, 0] + [16] + [UInt8](repeating: 1, count: 16) + [0] + [0xE0, 0xD4, 0x03]
        #expect(throws: AddressBookSnapshotError.malformed(.truncated(needed: 60_000 * 26, remaining: 0))) {
            try AddressBookSnapshot.decode(Self.sealed(body))
        }
    }

    @Test func aFileLargerThanAnyBookIsRefusedUnread() {
        let huge = [UInt8](repeating: 0, count: AddressBookSnapshot.maximumBytes + 1)
        #expect(throws: AddressBookSnapshotError.tooLarge(huge.count, maximum: AddressBookSnapshot.maximumBytes)) {
            try AddressBookSnapshot.decode(huge)
        }
    }

    /// A file edited to hold 500 addresses of one /16 with a valid checksum still gives that
    /// group one bucket: entries go back through `add`.
    @Test func aForgedFileCannotPutMoreOfOneGroupInTheBookThanLearningCould() throws {
        var writer = CanonicalWriter()
        writer.writeRaw(Array("FOLIOADB".utf8))
        writer.write(UInt32(1))
        writer.writeBlob(Self.secret)
        writer.writeList([PeerAddress]())
        writer.writeList((0..<500).map { PeerAddress(ip: IPAddress(198, 51, UInt8($0 / 250), UInt8($0 % 250)), port: 9333, lastSeen: Int64($0)) })
        let book = try AddressBookSnapshot.decode(Self.sealed(writer.bytes))
        #expect(book.count == 16)
        #expect(book.bucketsHolding(group: [4, 198, 51]) == 1)
    }
}

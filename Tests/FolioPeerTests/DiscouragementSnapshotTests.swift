import FolioCore
import FolioWire
import Testing
@testable import FolioPeer

/// The discouraged addresses' bytes for the data directory: what goes in comes back, expired
/// entries are dropped on the way in and out, and damaged or hostile bytes are refused whole.
@Suite struct DiscouragementSnapshotTests {
    static let now: Int64 = 1_800_000_000_000

    static func sample() -> [Discouragement] {
        (0..<30).map { Discouragement(ip: IPAddress(UInt8(20 + $0), 1, 2, 3), untilUnixMillis: now + 1_000 * Int64($0 + 1)) }
    }

    static func sealed(_ body: [UInt8]) -> [UInt8] { body + SHA256.hash(body).bytes }

    @Test func entriesInForceSurviveTheRoundTrip() throws {
        let entries = Self.sample()
        let restored = try DiscouragementSnapshot.decode(DiscouragementSnapshot.encode(entries, nowUnixMillis: Self.now),
                                                         nowUnixMillis: Self.now)
        #expect(Set(restored) == Set(entries))
        #expect(restored.count == 30)
    }

    /// The layout by hand for one entry: magic, version 1, count, address, expiry LE, checksum.
    @Test func theLayoutIsTheDocumentedOne() {
        let entry = Discouragement(ip: IPAddress(10, 0, 0, 9), untilUnixMillis: 0x0102_0304_0506)
        let bytes = DiscouragementSnapshot.encode([entry], nowUnixMillis: 0)
        let body: [UInt8] = Array("FOLIOBAN".utf8) + [1, 0, 0, 0] + [1]
            + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 9] + [0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0, 0]
        #expect(bytes == Self.sealed(body))
    }

    /// Expired entries are dropped when written and again when read: a list written a day ago
    /// holds fewer addresses today.
    @Test func expiredEntriesAreDropped() throws {
        let entries = Self.sample()
        let written = DiscouragementSnapshot.encode(entries, nowUnixMillis: Self.now + 10_000)
        // Entries expiring at now + 1 s ... now + 10 s are gone at now + 10 s: 20 left.
        #expect(try DiscouragementSnapshot.decode(written, nowUnixMillis: Self.now).count == 20)
        let later = try DiscouragementSnapshot.decode(written, nowUnixMillis: Self.now + 25_000)
        #expect(Set(later.map(\.ip)) == Set((25..<30).map { IPAddress(UInt8(20 + $0), 1, 2, 3) }))
        #expect(try DiscouragementSnapshot.decode(written, nowUnixMillis: Self.now + 30_000).isEmpty)
    }

    @Test func anAddressListedTwiceKeepsItsLaterExpiry() throws {
        let ip = IPAddress(1, 2, 3, 4)
        var writer = CanonicalWriter()
        writer.writeRaw(Array("FOLIOBAN".utf8))
        writer.write(UInt32(1))
        writer.writeList([Discouragement(ip: ip, untilUnixMillis: Self.now + 5), Discouragement(ip: ip, untilUnixMillis: Self.now + 9),
                          Discouragement(ip: ip, untilUnixMillis: Self.now + 7)])
        let read = try DiscouragementSnapshot.decode(Self.sealed(writer.bytes), nowUnixMillis: Self.now)
        #expect(read == [Discouragement(ip: ip, untilUnixMillis: Self.now + 9)])
    }

    /// More entries than the cap: the ones expiring last (the latest offences) are kept.
    @Test func pastTheCapTheEntriesExpiringLastAreKept() throws {
        let cap = DiscouragementSnapshot.maximumEntries
        var entries: [Discouragement] = []
        for index in 0..<(cap + 100) {
            let ip = IPAddress(10, UInt8(index >> 16), UInt8((index >> 8) & 0xff), UInt8(index & 0xff))
            entries.append(Discouragement(ip: ip, untilUnixMillis: Self.now + 1 + Int64(index)))
        }
        let bytes = DiscouragementSnapshot.encode(entries, nowUnixMillis: Self.now)
        #expect(bytes.count <= DiscouragementSnapshot.maximumBytes)
        let read = try DiscouragementSnapshot.decode(bytes, nowUnixMillis: Self.now)
        #expect(read.count == cap)
        let earliest: Int64? = read.map { $0.untilUnixMillis }.min()
        #expect(earliest == Self.now + 101)
    }

    @Test func everyFlippedBitIsCaughtByTheChecksum() {
        let bytes = DiscouragementSnapshot.encode(Self.sample(), nowUnixMillis: Self.now)
        for index in stride(from: 8, to: bytes.count, by: 5) {
            var damaged = bytes
            damaged[index] ^= 0x04
            #expect(throws: DiscouragementSnapshotError.checksumMismatch) {
                try DiscouragementSnapshot.decode(damaged, nowUnixMillis: Self.now)
            }
        }
    }

    @Test func aTruncatedFileIsRefused() {
        let bytes = DiscouragementSnapshot.encode(Self.sample(), nowUnixMillis: Self.now)
        for length in [0, 3, 8, 39, bytes.count / 2, bytes.count - 1] {
            #expect(throws: DiscouragementSnapshotError.self) {
                try DiscouragementSnapshot.decode(Array(bytes.prefix(length)), nowUnixMillis: Self.now)
            }
        }
    }

    @Test func anAddressBookIsNotADiscouragementList() {
        let book = AddressBookSnapshot.encode(AddressBook(secret: [UInt8](repeating: 5, count: 16)))
        #expect(throws: DiscouragementSnapshotError.notADiscouragementList) {
            try DiscouragementSnapshot.decode(book, nowUnixMillis: Self.now)
        }
    }

    @Test func anUnknownFormatVersionIsRefusedByName() {
        let body = Array("FOLIOBAN".utf8) + [2, 0, 0, 0] + [0]
        #expect(throws: DiscouragementSnapshotError.unsupportedVersion(2)) {
            try DiscouragementSnapshot.decode(Self.sealed(body), nowUnixMillis: Self.now)
        }
    }

    @Test func bytesAfterTheEntriesAreRefused() {
        let body = Array("FOLIOBAN".utf8) + [1, 0, 0, 0] + [0, 0xEE]
        #expect(throws: DiscouragementSnapshotError.malformed(.trailingBytes(count: 1))) {
            try DiscouragementSnapshot.decode(Self.sealed(body), nowUnixMillis: Self.now)
        }
    }

    @Test func aCountLargerThanTheBytesLeftIsRefusedBeforeAllocating() {
        // 10,000 entries claimed (LEB128 90 4E), none present.
        let body = Array("FOLIOBAN".utf8) + [1, 0, 0, 0] + [0x90, 0x4E]
        #expect(throws: DiscouragementSnapshotError.malformed(.truncated(needed: 10_000 * 24, remaining: 0))) {
            try DiscouragementSnapshot.decode(Self.sealed(body), nowUnixMillis: Self.now)
        }
    }

    @Test func aCountOverTheCapIsRefused() {
        // 16,385 entries claimed (LEB128 81 80 01).
        let body = Array("FOLIOBAN".utf8) + [1, 0, 0, 0] + [0x81, 0x80, 0x01]
        #expect(throws: DiscouragementSnapshotError.malformed(.lengthOverCap(field: "discouragements", length: 16_385, cap: 16_384))) {
            try DiscouragementSnapshot.decode(Self.sealed(body), nowUnixMillis: Self.now)
        }
    }

    @Test func aFileLargerThanAnyListIsRefusedUnread() {
        let huge = [UInt8](repeating: 0, count: DiscouragementSnapshot.maximumBytes + 1)
        #expect(throws: DiscouragementSnapshotError.tooLarge(huge.count, maximum: DiscouragementSnapshot.maximumBytes)) {
            try DiscouragementSnapshot.decode(huge, nowUnixMillis: Self.now)
        }
    }
}

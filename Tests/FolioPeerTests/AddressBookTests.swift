import FolioCore
import FolioWire
import Testing
@testable import FolioPeer

@Suite struct AddressBookTests {
    static let secret = [UInt8](repeating: 0x42, count: 16)

    @Test func networkGroupIsTheIPv4SlashSixteen() {
        #expect(AddressBook.group(of: IPAddress(203, 0, 113, 7)) == [4, 203, 0])
        #expect(AddressBook.group(of: IPAddress(203, 0, 200, 9)) == [4, 203, 0])
    }

    @Test func oneSlashSixteenFillsAtMostOneBucket() {
        var book = AddressBook(secret: Self.secret, bucketCount: 64, bucketSize: 16)
        for host in 0..<2_000 {
            book.add(PeerAddress(ip: IPAddress(198, 51, UInt8(host / 250), UInt8(host % 250)), port: 9333, lastSeen: Int64(host)))
        }
        #expect(book.count == 16)
        #expect(book.bucketsHolding(group: [4, 198, 51]) == 1)
    }

    @Test func honestAddressesFromOtherGroupsSurviveAnAttackerFlood() {
        var book = AddressBook(secret: Self.secret, bucketCount: 64, bucketSize: 16)
        let honest = (0..<20).map { PeerAddress(ip: IPAddress(UInt8(20 + $0), 1, 1, 1), port: 9333, lastSeen: 10) }
        honest.forEach { book.add($0) }
        for host in 0..<5_000 {
            book.add(PeerAddress(ip: IPAddress(198, 51, UInt8(host / 250), UInt8(host % 250)), port: 9333, lastSeen: 1_000 + Int64(host)))
        }
        let kept = honest.filter { address in book.sample(count: 1_000, now: 0).contains(address) }
        // Only honest addresses sharing the attacker's bucket can be pushed out.
        let sharing = honest.filter { book.bucket(of: $0.ip) == book.bucket(of: IPAddress(198, 51, 0, 0)) }.count
        #expect(kept.count == honest.count - sharing)
    }

    @Test func theBucketDependsOnTheSecret() {
        let groups = (0..<32).map { IPAddress(UInt8(10 + $0), 7, 0, 1) }
        let first = AddressBook(secret: Self.secret), second = AddressBook(secret: [UInt8](repeating: 0x43, count: 16))
        #expect(groups.map { first.bucket(of: $0) } != groups.map { second.bucket(of: $0) })
    }

    @Test func anchorsAreOfferedFirstMostRecentFirst() {
        var book = AddressBook(secret: Self.secret)
        let a = PeerAddress(ip: IPAddress(1, 1, 1, 1), port: 1), b = PeerAddress(ip: IPAddress(2, 2, 2, 2), port: 2)
        book.add(PeerAddress(ip: IPAddress(3, 3, 3, 3), port: 3, lastSeen: 99))
        book.markGood(a)
        book.markGood(b)
        #expect(Array(book.candidates(count: 3, now: 0) { _ in false }.prefix(2)) == [b, a])
    }

    @Test func discouragedAddressesAreNotOfferedUntilTheirTimeRunsOut() {
        var book = AddressBook(secret: Self.secret)
        let address = PeerAddress(ip: IPAddress(4, 4, 4, 4), port: 4)
        book.markGood(address)
        book.discourage(address.ip, until: 1_000)
        #expect(book.isDiscouraged(address.ip, now: 999))
        #expect(book.candidates(count: 5, now: 999) { _ in false }.isEmpty)
        #expect(!book.isDiscouraged(address.ip, now: 1_000))
        #expect(book.anchors.isEmpty)
    }
}

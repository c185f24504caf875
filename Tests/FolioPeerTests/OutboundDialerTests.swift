import FolioCore
import FolioCrypto
import FolioWire
import Testing
@testable import FolioPeer

/// The dialling policy alone: which book address is dialled next, how long a failed one
/// waits, and which are never dialled. Times are milliseconds on a made-up clock.
@Suite struct OutboundDialerTests {
    static let secret = [UInt8](repeating: 0x5A, count: 16)

    /// `count` addresses in distinct /16 groups, 20.n.0.1:9333.
    static func spread(_ count: Int, lastSeen: Int64 = 50) -> [PeerAddress] {
        (0..<count).map { PeerAddress(ip: IPAddress(20, UInt8($0), 0, 1), port: 9333, lastSeen: lastSeen) }
    }

    static func book(_ addresses: [PeerAddress]) -> AddressBook {
        var book = AddressBook(secret: secret)
        addresses.forEach { book.add($0) }
        return book
    }

    static func key(_ seed: UInt8) throws -> PublicKey {
        try PrivateKey(seed: [UInt8](repeating: seed, count: 32)).publicKey
    }

    @Test func anchorsAreChosenBeforeAnyOtherBookEntry() {
        var book = Self.book(Self.spread(6, lastSeen: 900))
        let older = PeerAddress(ip: IPAddress(30, 1, 1, 1), port: 1), newer = PeerAddress(ip: IPAddress(31, 1, 1, 1), port: 2)
        book.markGood(older)
        book.markGood(newer)
        var dialer = OutboundDialer()
        #expect(dialer.choose(target: 2, links: .init(), book: book, now: 0).map(\.key) == [newer.key, older.key])
        // With room for more, the anchors still come first and the rest follow.
        var roomy = OutboundDialer()
        let chosen = roomy.choose(target: 5, links: .init(), book: book, now: 0)
        #expect(chosen.count == 5)
        #expect(chosen.prefix(2).map(\.key) == [newer.key, older.key])
    }

    @Test func theTargetCountsOpenLinksAndDialsInFlight() {
        let book = Self.book(Self.spread(20))
        var dialer = OutboundDialer()
        var links = OutboundDialer.Links()
        links.outboundCount = 3
        let first = dialer.choose(target: 8, links: links, book: book, now: 0)
        #expect(first.count == 5)
        #expect(Set(first.map(\.key)).count == 5)
        // Five dials are in flight: nothing more until they resolve.
        #expect(dialer.choose(target: 8, links: links, book: book, now: 10).isEmpty)
        // Two fail and three open: the failed two are waiting, so two others are chosen.
        for address in first.prefix(2) { dialer.failed(address.key, now: 20) }
        for address in first.dropFirst(2) {
            dialer.opened(address.key)
            links.connected.insert(address.key)
        }
        links.outboundCount = 6
        let second = dialer.choose(target: 8, links: links, book: book, now: 30)
        #expect(second.count == 2)
        #expect(Set(second.map(\.key)).isDisjoint(with: first.map(\.key)))
        // At the target, nothing is dialled.
        links.outboundCount = 8
        second.forEach { dialer.opened($0.key) }
        #expect(dialer.choose(target: 8, links: links, book: book, now: 40).isEmpty)
    }

    @Test func ownReservedLinkedAndDiscouragedAddressesAreNeverChosen() throws {
        let all = Self.spread(7)
        var book = Self.book(all)
        let (own, reserved, outboundLink, inboundListener, sameIdentity, discouraged, free) =
            (all[0], all[1], all[2], all[3], all[4], all[5], all[6])
        var dialer = OutboundDialer(ownAddresses: [own.key])
        dialer.reserve([reserved.key])
        // The peer at `sameIdentity` proved identity 9 once; it is now linked from elsewhere.
        dialer.established(sameIdentity.key, identity: try Self.key(9))
        book.discourage(discouraged.ip, until: 1_000)
        var links = OutboundDialer.Links()
        links.connected = [outboundLink.key, inboundListener.key]
        links.identities = [try Self.key(9)]
        #expect(dialer.choose(target: 8, links: links, book: book, now: 0).map(\.key) == [free.key])
        // Once the discouragement runs out, that address may be dialled too (`free` is now
        // waiting out a failure, until 1,500).
        dialer.failed(free.key, now: 500)
        #expect(dialer.choose(target: 8, links: links, book: book, now: 1_000).map(\.key) == [discouraged.key])
    }

    /// 1 s after the first failure, doubling: 1, 2, 4, … 256 s, then the 300 s cap.
    @Test(arguments: [(1, 1_000), (2, 2_000), (3, 4_000), (9, 256_000), (10, 300_000), (64, 300_000), (100_000, 300_000)])
    func failedDialsWaitOneSecondDoublingToFiveMinutes(failures: Int, wait: Int64) {
        #expect(OutboundDialer().delay(afterFailures: failures) == wait)
    }

    @Test func aFailedAddressIsRetriedOnlyWhenItsBackoffRunsOut() {
        let address = Self.spread(1)[0]
        let book = Self.book([address])
        var dialer = OutboundDialer()
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 0) == [address])
        dialer.failed(address.key, now: 0)
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 999).isEmpty)
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 1_000) == [address])
        dialer.failed(address.key, now: 1_000)
        #expect(dialer.retryAt(address.key) == 3_000)
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 2_999).isEmpty)
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 3_000) == [address])
    }

    @Test func aCompletedHandshakeStartsTheBackoffOverAndADroppedLinkWaitsTheBaseOnce() throws {
        let key = Self.spread(1)[0].key
        var dialer = OutboundDialer()
        for step in 0..<5 { dialer.failed(key, now: Int64(step)) }
        #expect(dialer.failures(at: key) == 5)
        dialer.opened(key)
        dialer.established(key, identity: try Self.key(3))
        #expect(dialer.failures(at: key) == 0)
        #expect(dialer.retryAt(key) == nil)
        dialer.ended(key, wasEstablished: true, reason: nil, now: 10_000)
        #expect(dialer.retryAt(key) == 11_000)
        #expect(dialer.failures(at: key) == 0)
    }

    @Test func aLinkThatNeverFinishedItsHandshakeOrDuplicatedOneCountsAsAFailure() {
        let (early, duplicate) = (Self.spread(2)[0].key, Self.spread(2)[1].key)
        var dialer = OutboundDialer()
        dialer.ended(early, wasEstablished: false, reason: .timeout, now: 0)
        dialer.ended(duplicate, wasEstablished: true, reason: .duplicateConnection, now: 0)
        dialer.ended(duplicate, wasEstablished: true, reason: .duplicateConnection, now: 1_000)
        #expect(dialer.failures(at: early) == 1)
        #expect(dialer.retryAt(early) == 1_000)
        #expect(dialer.failures(at: duplicate) == 2)
        #expect(dialer.retryAt(duplicate) == 3_000)
    }

    @Test func anAddressThatReachedOurselvesIsNeverDialledAgain() {
        let address = Self.spread(1)[0]
        let book = Self.book([address])
        var dialer = OutboundDialer()
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 0) == [address])
        dialer.opened(address.key)
        dialer.ended(address.key, wasEstablished: false, reason: .selfConnection, now: 0)
        #expect(dialer.ownAddresses.contains(address.key))
        #expect(dialer.choose(target: 1, links: .init(), book: book, now: 10_000_000).isEmpty)
    }

    @Test func backoffMemoryStaysWithinItsLimit() {
        var dialer = OutboundDialer(memoryLimit: 4)
        let keys = Self.spread(10).map(\.key)
        for (index, key) in keys.enumerated() { dialer.failed(key, now: Int64(index)) }
        let remembered = keys.filter { dialer.retryAt($0) != nil }
        #expect(remembered.count == 4)
        // The newest failure is always kept.
        #expect(dialer.retryAt(keys[9]) == 1_009)
    }
}

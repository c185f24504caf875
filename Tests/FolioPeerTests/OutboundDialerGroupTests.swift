import FolioCore
import FolioWire
import Testing
@testable import FolioPeer

/// One network group, one outbound slot from the book (the eclipse defence of R8): however
/// many addresses of one /16 the book holds, the dialler reaches that group through one link
/// at a time, and one group's links cannot push the other groups' anchors out.
@Suite struct OutboundDialerGroupTests {
    static let secret = [UInt8](repeating: 0x6B, count: 16)

    /// Sixteen addresses of 198.51/16 (one attacker's group) and two honest ones elsewhere.
    static func floodedBook() -> (book: AddressBook, honest: [PeerAddress]) {
        var book = AddressBook(secret: secret)
        for host in 0..<16 { book.add(PeerAddress(ip: IPAddress(198, 51, 0, UInt8(host + 1)), port: 9333, lastSeen: 900)) }
        let honest = [PeerAddress(ip: IPAddress(20, 1, 0, 1), port: 9333, lastSeen: 10),
                      PeerAddress(ip: IPAddress(21, 1, 0, 1), port: 9333, lastSeen: 10)]
        honest.forEach { book.add($0) }
        return (book, honest)
    }

    static func inAttackerGroup(_ address: PeerAddress) -> Bool { AddressBook.group(of: address.ip) == [4, 198, 51] }

    @Test func aGroupGetsOneSlotWhileItsDialOrLinkLasts() throws {
        let (book, honest) = Self.floodedBook()
        var dialer = OutboundDialer()
        var links = OutboundDialer.Links()
        // Room for eight, but only three groups: one address from each.
        let first = dialer.choose(target: 8, links: links, book: book, now: 0)
        #expect(first.count == 3)
        #expect(first.filter(Self.inAttackerGroup).count == 1)
        #expect(Set(first.map(\.key)).isSuperset(of: honest.map(\.key)))
        let attacker = try #require(first.first(where: Self.inAttackerGroup))
        // The group's dial is in flight, then linked: no second address of it.
        #expect(dialer.choose(target: 8, links: links, book: book, now: 10).isEmpty)
        for address in first {
            dialer.opened(address.key)
            links.connected.insert(address.key)
        }
        links.outboundCount = 3
        #expect(dialer.choose(target: 8, links: links, book: book, now: 20).isEmpty)
        // The link drops: the group may be dialled again, through one address.
        dialer.ended(attacker.key, wasEstablished: true, reason: nil, now: 30)
        links.connected.remove(attacker.key)
        links.outboundCount = 2
        let next = dialer.choose(target: 8, links: links, book: book, now: 30)
        #expect(next.count == 1)
        #expect(next.allSatisfy(Self.inAttackerGroup))
    }

    /// A link that closes without `ended` (refused as it opened) stops holding its group once
    /// it is neither in flight nor linked.
    @Test func aLinkGoneWithoutNoticeReleasesItsGroup() throws {
        let (book, _) = Self.floodedBook()
        var dialer = OutboundDialer()
        let first = dialer.choose(target: 8, links: .init(), book: book, now: 0)
        let attacker = try #require(first.first(where: Self.inAttackerGroup))
        for address in first { dialer.opened(address.key) }
        // Nothing is linked any more, and no `ended` came for the attacker's address.
        var links = OutboundDialer.Links()
        links.connected = Set(first.map(\.key)).subtracting([attacker.key])
        links.outboundCount = 2
        let next = dialer.choose(target: 8, links: links, book: book, now: 5_000)
        #expect(next.filter(Self.inAttackerGroup).count == 1)
    }

    @Test func anAnchorTakesThePlaceOfAnOlderAnchorOfItsGroup() {
        var book = AddressBook(secret: Self.secret)
        let honest = PeerAddress(ip: IPAddress(20, 1, 0, 1), port: 9333)
        book.markGood(honest)
        for host in 1...10 { book.markGood(PeerAddress(ip: IPAddress(198, 51, 0, UInt8(host)), port: 9333)) }
        #expect(book.anchors.map(\.key) == [PeerAddress(ip: IPAddress(198, 51, 0, 10), port: 9333).key, honest.key])
    }

    /// Peers the host dials itself (configured) stay anchors beside a book anchor of their group.
    @Test func reservedAnchorsAreSpared() {
        var book = AddressBook(secret: Self.secret)
        let configured = PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 9001)
        let learned = PeerAddress(ip: IPAddress(127, 0, 0, 1), port: 9002)
        book.markGood(configured, sparing: [configured.key])
        book.markGood(learned, sparing: [configured.key])
        #expect(book.anchors.map(\.key) == [learned.key, configured.key])
        // Without the host's word, the newer one takes the group's place.
        book.markGood(configured)
        #expect(book.anchors.map(\.key) == [configured.key])
    }

    /// Anchors are dialled whatever their groups (they proved themselves), and the book adds
    /// nothing of a group an anchor dial reaches.
    @Test func anchorsAreDialledFirstAndHoldTheirGroups() {
        var (book, honest) = Self.floodedBook()
        let anchor = PeerAddress(ip: IPAddress(198, 51, 9, 9), port: 9333)
        book.markGood(anchor)
        book.markGood(honest[0])
        var dialer = OutboundDialer()
        let chosen = dialer.choose(target: 8, links: .init(), book: book, now: 0)
        #expect(chosen.prefix(2).map(\.key) == [honest[0].key, anchor.key])
        #expect(chosen.filter(Self.inAttackerGroup).map(\.key) == [anchor.key])
        #expect(chosen.count == 3)
    }
}

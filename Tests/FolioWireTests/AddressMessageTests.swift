import FolioCore
import Testing
@testable import FolioWire

@Suite struct AddressMessageTests {
    @Test func addrIsCountThenIPv4MappedAddressPortAndLastSeen() {
        let address = PeerAddress(ip: IPAddress(10, 0, 0, 1), port: 9333, lastSeen: 1_700_000_000)
        let payload = "01" + "00000000000000000000ffff0a000001" + "7524" + "00f1536500000000"
        expectPayload(.addr(AddrMessage(addresses: [address])), payload)
        expectEveryPrefixTruncated(.addr, hex(payload))
    }

    @Test func addrOverOneThousandAddressesIsRejectedBeforeReading() {
        // 1001 = 7·128 + 105: varint e9 07.
        expectRejected(.addr, hex("e907"), .lengthOverCap(field: "addresses", length: 1001, cap: 1000))
    }

    @Test func getAddrHasAnEmptyPayload() {
        expectPayload(.getAddr, "")
        expectRejected(.getAddr, [1, 2], .trailingBytes(count: 2))
    }

    @Test func ipv4AddressesPrintDottedAndIPv6InGroups() throws {
        #expect(IPAddress(192, 168, 1, 20).description == "192.168.1.20")
        let v6 = try #require(IPAddress(bytes: hex("20010db8000000000000000000000001")))
        #expect(v6.description == "2001:db8:0:0:0:0:0:1")
        #expect(PeerAddress(ip: v6, port: 1).description == "[2001:db8:0:0:0:0:0:1]:1")
    }

    @Test func loopbackIsAll127Slash8AndIPv6ColonColonOne() throws {
        #expect(IPAddress(127, 0, 0, 1).isLoopback)
        #expect(IPAddress(127, 255, 3, 9).isLoopback)
        #expect(!IPAddress(128, 0, 0, 1).isLoopback)
        #expect(!IPAddress(10, 0, 0, 1).isLoopback)
        #expect(try #require(IPAddress(bytes: hex("00000000000000000000000000000001"))).isLoopback)
        #expect(try !#require(IPAddress(bytes: hex("20010db8000000000000000000000001"))).isLoopback)
        // ::ffff:0.0.0.1 is IPv4-mapped, not ::1.
        #expect(!IPAddress(0, 0, 0, 1).isLoopback)
    }
}

import FolioCore
import Testing
@testable import FolioWire

@Suite struct SyncMessageTests {
    @Test func getHeadersIsLocatorListThenStop() {
        let message = GetHeadersMessage(locator: [hash(0x11), hash(0x22)], stop: .zero)
        let payload = "02" + fill(0x11, 32) + fill(0x22, 32) + fill(0x00, 32)
        expectPayload(.getHeaders(message), payload)
        expectEveryPrefixTruncated(.getHeaders, hex(payload))
    }

    @Test func getHeadersWithMoreThanSixtyFourLocatorHashesIsRejected() {
        // 65 as a varint is 41.
        expectRejected(.getHeaders, hex("41" + fill(0x11, 32 * 65) + fill(0, 32)),
                       .lengthOverCap(field: "locator", length: 65, cap: 64))
    }

    @Test func headersIsACountThenEachHeader() {
        expectPayload(.headers(HeadersMessage(headers: [sampleHeader()])), "01" + sampleHeaderHex)
        expectEveryPrefixTruncated(.headers, hex("01" + sampleHeaderHex))
    }

    @Test func headersCountOverTwoThousandIsRejectedBeforeReading() {
        // 2001 = 15·128 + 81: varint d1 0f.
        expectRejected(.headers, hex("d10f"), .lengthOverCap(field: "headers", length: 2001, cap: 2000))
    }

    @Test func headersCountLargerThanTheBytesCouldHoldIsTruncatedBeforeAllocation() {
        // Two headers claimed, one present: 2 × 157 bytes needed, 157 left.
        expectRejected(.headers, hex("02" + sampleHeaderHex), .truncated(needed: 314, remaining: 157))
    }

    @Test func blockIsHeaderThenTransactionList() {
        let block = Block(header: sampleHeader(), transactions: [])
        expectPayload(.block(BlockMessage(block: block)), sampleHeaderHex + "00")
        expectEveryPrefixTruncated(.block, hex(sampleHeaderHex + "00"))
    }
}

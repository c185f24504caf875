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

    /// A block payload is written into storage reserved from its transaction count (160 bytes
    /// each); 1,200 transfers of 145 bytes fit in that reserve, and the bytes are the layout.
    @Test(arguments: [(1, "01"), (2, "02"), (1_200, "b009")])
    func blockOfTransfersIsHeaderThenCountThenEachTransaction(count: Int, countHex: String) throws {
        let transaction = try transaction(payload: .transfer(
            Transfer(to: try #require(Address(bytes: [UInt8](repeating: 0x66, count: 20))), amount: Amount(baseUnits: 1000))))
        // The transfer laid out by hand, as in InventoryMessageTests.txIsTheTransactionsCanonicalBytes;
        // 1,200 = 9·128 + 48 is the varint b0 09.
        let transactionHex = "07000000" + fill(0x55, 32) + "0100000000000000" + "0a00000000000000"
            + "00" + fill(0x66, 20) + "e803000000000000" + fill(0x77, 64)
        let block = Block(header: sampleHeader(), transactions: Array(repeating: transaction, count: count))
        expectPayload(.block(BlockMessage(block: block)),
                      sampleHeaderHex + countHex + String(repeating: transactionHex, count: count))
    }

    /// Transactions far larger than their 160-byte reserve: the array grows, and the bytes are
    /// still the layout.
    @Test func blockLargerThanItsReserveIsStillHeaderThenCountThenEachTransaction() throws {
        let transaction = try transaction(payload: .publishTemplate(
            PublishTemplate(languageVersion: 1, body: .bytecode([UInt8](repeating: 0x42, count: 3_000)))))
        // Payload tag 3, language version 1, body tag 1 (bytecode), length 3,000 = 23·128 + 56: b8 17.
        let transactionHex = "07000000" + fill(0x55, 32) + "0100000000000000" + "0a00000000000000"
            + "03" + "01000000" + "01" + "b817" + fill(0x42, 3_000) + fill(0x77, 64)
        let block = Block(header: sampleHeader(), transactions: Array(repeating: transaction, count: 3))
        let expected = sampleHeaderHex + "03" + String(repeating: transactionHex, count: 3)
        #expect(hex(expected).count > BlockMessage.reservedHeaderBytes + 3 * BlockMessage.reservedBytesPerTransaction)
        expectPayload(.block(BlockMessage(block: block)), expected)
    }

    /// A transaction from sender 55…, nonce 1, fee 10, signature 77… carrying `payload`.
    private func transaction(payload: TransactionPayload) throws -> Transaction {
        Transaction(chainId: 7, sender: try PublicKey(bytes: [UInt8](repeating: 0x55, count: 32)), nonce: 1,
                    fee: Amount(baseUnits: 10), payload: payload,
                    signature: try Signature(bytes: [UInt8](repeating: 0x77, count: 64)))
    }
}

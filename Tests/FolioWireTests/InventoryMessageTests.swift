import FolioCore
import Testing
@testable import FolioWire

@Suite struct InventoryMessageTests {
    static let items = [InventoryItem(kind: .transaction, id: hash(0x33)), InventoryItem(kind: .block, id: hash(0x44))]
    static let itemsHex = "02" + "01" + fill(0x33, 32) + "02" + fill(0x44, 32)

    @Test func invIsCountThenKindAndIdPerItem() {
        expectPayload(.inv(InvMessage(items: Self.items)), Self.itemsHex)
        expectEveryPrefixTruncated(.inv, hex(Self.itemsHex))
    }

    @Test func getDataHasTheInventoryLayout() {
        expectPayload(.getData(GetDataMessage(items: Self.items)), Self.itemsHex)
        expectEveryPrefixTruncated(.getData, hex(Self.itemsHex))
    }

    @Test func notFoundHasTheInventoryLayout() {
        expectPayload(.notFound(NotFoundMessage(items: Self.items)), Self.itemsHex)
        expectEveryPrefixTruncated(.notFound, hex(Self.itemsHex))
    }

    @Test(arguments: [MessageType.inv, .getData, .notFound])
    func inventoryOverFiftyThousandItemsIsRejectedBeforeReading(type: MessageType) {
        // 50 001 = 3·16384 + 6·128 + 81: varint d1 86 03.
        expectRejected(type, hex("d18603"), .lengthOverCap(field: "inventory", length: 50_001, cap: 50_000))
    }

    @Test func inventoryItemOfUnknownKindIsRejected() {
        expectRejected(.inv, hex("01" + "03" + fill(0x33, 32)), .unknownTag(type: "InventoryKind", tag: 3))
    }

    @Test func txIsTheTransactionsCanonicalBytes() throws {
        let transaction = Transaction(
            chainId: 7, sender: try PublicKey(bytes: [UInt8](repeating: 0x55, count: 32)), nonce: 1,
            fee: Amount(baseUnits: 10),
            payload: .transfer(Transfer(to: try #require(Address(bytes: [UInt8](repeating: 0x66, count: 20))),
                                        amount: Amount(baseUnits: 1000))),
            signature: try Signature(bytes: [UInt8](repeating: 0x77, count: 64)))
        let payload = "07000000" + fill(0x55, 32) + "0100000000000000" + "0a00000000000000"
            + "00" + fill(0x66, 20) + "e803000000000000" + fill(0x77, 64)
        expectPayload(.tx(TxMessage(transaction: transaction)), payload)
        expectEveryPrefixTruncated(.tx, hex(payload))
    }
}

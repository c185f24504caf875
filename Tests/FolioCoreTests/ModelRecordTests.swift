import FolioCrypto
import Testing
@testable import FolioCore

@Suite struct ModelRecordTests {
    static let position = ChainPosition(height: 3, timestamp: 0x6800_0000)
    static let positionHex = "0300000000000000" + "0000006800000000" // height 3, timestamp 0x68000000

    @Test func accountRecordIsBalanceThenNonce() {
        expectCanonical(AccountRecord(balance: Amount(baseUnits: 0x0102), nonce: 9),
                        hex: "0201000000000000" + "0900000000000000")
    }

    static let workRecord = WorkRecord(
        id: Fixture.hash(0x10), registrant: Fixture.address(0x20), registration: Fixture.registerWork,
        registered: position, owners: [Ownership(owner: Fixture.address(0x30), share: 100_000_000)])
    static let workRecordHex = rep("10", 32) // id
        + rep("20", 20) // registrant
        + TransactionEncodingTests.payloadHex[1].dropFirst(2) // the registration, without its kind tag
        + positionHex
        + "01" + rep("30", 20) + "00e1f50500000000" // one owner, 100,000,000 = 0x05f5e100

    @Test func workRecordEncodesFieldByField() {
        expectCanonical(Self.workRecord, hex: Self.workRecordHex)
    }

    static let templateRecord = TemplateRecord(
        id: Fixture.hash(0x10), publisher: Fixture.address(0x20),
        template: PublishTemplate(languageVersion: 2, body: .bytecode([0xde, 0xad])), published: position)
    static let templateRecordHex = rep("10", 32) + rep("20", 20)
        + "02000000" + "01" + "02" + "dead" // language 2, bytecode of two bytes
        + positionHex

    @Test func templateRecordEncodesFieldByField() {
        expectCanonical(Self.templateRecord, hex: Self.templateRecordHex)
    }

    static let offerRecord = OfferRecord(
        id: Fixture.hash(0x10), offerer: Fixture.address(0x20),
        offer: OfferLicence(workId: Fixture.hash(0x99), templateId: Fixture.hash(0xaa), parameters: [],
                            legalTextHash: Fixture.hash(0xbb)),
        offered: position, revoked: true)
    static let offerRecordHex = rep("10", 32) + rep("20", 20)
        + rep("99", 32) + rep("aa", 32) + "00" + rep("bb", 32) // offer with no parameters
        + positionHex + "01" // revoked

    @Test func offerRecordEncodesFieldByField() {
        expectCanonical(Self.offerRecord, hex: Self.offerRecordHex)
    }

    static let licenceRecord = LicenceRecord(
        id: Fixture.hash(0x10), offerId: Fixture.hash(0xcc), workId: Fixture.hash(0x99), licensee: Fixture.address(0x20),
        useParameters: [LicenceParameter(name: "a", value: [1])], issued: position, state: .suspended,
        totalPaid: Amount(baseUnits: 5))
    static let licenceRecordHex = rep("10", 32) + rep("cc", 32) + rep("99", 32) + rep("20", 20)
        + "01" + "01" + "61" + "01" + "01" // one parameter "a" = [1]
        + positionHex
        + "01" // suspended
        + "0500000000000000" // total paid 5
        + "00" // no terms state: an empty blob

    @Test func licenceRecordEncodesFieldByField() {
        expectCanonical(Self.licenceRecord, hex: Self.licenceRecordHex)
    }

    @Test func licenceTermsStateIsALengthPrefixedBlob() {
        var record = Self.licenceRecord
        record.termsState = [0xAB, 0xCD, 0xEF]
        expectCanonical(record, hex: String(Self.licenceRecordHex.dropLast(2)) + "03" + "abcdef")
    }

    @Test func unknownLicenceStateIsRejected() {
        expectDecodeError(hexBytes("04"), as: LicenceState.self, .unknownTag(type: "LicenceState", tag: 4))
    }

    @Test(arguments: [
        "0201000000000000" + "0900000000000000", workRecordHex, templateRecordHex, offerRecordHex, licenceRecordHex,
    ].enumerated().map { $0 })
    func everyTruncatedRecordThrowsTruncated(index: Int, hex: String) {
        let bytes = hexBytes(hex)
        switch index {
        case 0: expectTruncationAlwaysThrows(bytes, decode: AccountRecord.self)
        case 1: expectTruncationAlwaysThrows(bytes, decode: WorkRecord.self)
        case 2: expectTruncationAlwaysThrows(bytes, decode: TemplateRecord.self)
        case 3: expectTruncationAlwaysThrows(bytes, decode: OfferRecord.self)
        default: expectTruncationAlwaysThrows(bytes, decode: LicenceRecord.self)
        }
    }
}

import FolioCrypto
import Testing
@testable import FolioCore

@Suite struct TransactionEncodingTests {
    /// Envelope fields before the payload, for chain 7, sender 0x11…, nonce 5, fee 1,000.
    static let envelopeHex =
        "07000000" // chain id 7
        + rep("11", 32) // sender
        + "0500000000000000" // nonce 5
        + "e803000000000000" // fee 1,000 = 0x3e8

    static let signatureHex = rep("44", 64)

    /// Each payload of `Fixture.payloads`, tag first, written field by field.
    static let payloadHex: [String] = [
        "00" // transfer
            + rep("22", 20) // to
            + "90d0030000000000", // amount 250,000 = 0x3d090
        "01" // registerWork
            + "04" + "536f6e67" // title "Song"
            + rep("33", 32) // metadata hash
            + "00" // media type audio
            + rep("55", 32) // content hash
            + rep("66", 32) // fingerprint
            + rep("77", 32) // model id
            + "02" // two owners
            + rep("22", 20) + "0087930300000000" // 60,000,000 = 0x03938700
            + rep("88", 20) + "005a620200000000" // 40,000,000 = 0x02625a00
            + "01" + rep("99", 32), // one parent
        "02" // transferWorkShare
            + rep("99", 32) // work id
            + rep("22", 20) // to
            + "0100000000000000", // share 1
        "03" // publishTemplate
            + "01000000" // language version 1
            + "00" // body: source text
            + "0a" + "6772616e7420706c6179", // "grant play"
        "04" // offerLicence
            + rep("99", 32) // work id
            + rep("aa", 32) // template id
            + "01" + "03" + "666565" + "01" + "14" // one parameter: "fee" = [0x14]
            + rep("bb", 32), // legal text hash
        "05" // acceptLicence
            + rep("cc", 32) // offer id
            + "01" + "09" + "7465727269746f7279" + "02" + "4555" // "territory" = "EU"
            + "204e000000000000", // payment 20,000 = 0x4e20
        "06" // reportUsage
            + rep("dd", 32) // licence id
            + "06" + "73747265616d" // action "stream"
            + "60e3160000000000" // count 1,500,000 = 0x16e360
            + "00b9556900000000" // period start 1,767,225,600 = 0x6955b900
            + "80977e6900000000" // period end 1,769,904,000 = 0x697e9780
            + "0900000000000000" // revenue 9
            + "7017000000000000", // payment 6,000 = 0x1770
        "07" // revokeOffer
            + rep("cc", 32), // offer id
        "08" // authorityVote
            + rep("ee", 32) // candidate
            + "01", // add
    ]

    static let transferHex = envelopeHex + payloadHex[0] + signatureHex

    @Test(arguments: 0..<9)
    func everyKindEncodesToItsDocumentedBytes(kind: Int) {
        let transaction = Fixture.transaction(Fixture.payloads[kind])
        #expect(Fixture.payloads[kind].kindTag == UInt64(kind))
        expectCanonical(transaction, hex: Self.envelopeHex + Self.payloadHex[kind] + Self.signatureHex)
    }

    @Test(arguments: 0..<9)
    func signingBytesAreTheEncodingWithoutTheSignature(kind: Int) {
        let transaction = Fixture.transaction(Fixture.payloads[kind])
        #expect(transaction.signingBytes == hexBytes(Self.envelopeHex + Self.payloadHex[kind]))
    }

    // Digest computed outside Swift (Python hashlib) over `transferHex`.
    @Test func transactionIdIsSHA256OfTheSignedBytes() {
        let transaction = Fixture.transaction(Fixture.payloads[0])
        #expect(transaction.id.hex == "47ded492044c8a7b86a3042b000fe344e02094777d87c85778f4bcc2eb0ca185")
        #expect(transaction.id == SHA256.hash(hexBytes(Self.transferHex)))
    }

    @Test func transactionIdChangesWithTheSignature() {
        var other = Fixture.transaction(Fixture.payloads[0])
        other.signature = Fixture.signature(0x45)
        #expect(other.id != Fixture.transaction(Fixture.payloads[0]).id)
        #expect(other.signingBytes == Fixture.transaction(Fixture.payloads[0]).signingBytes)
    }

    // SHA-256 of the publication bytes (payload 3 without its tag), computed outside Swift.
    @Test func templateIdIsSHA256OfThePublication() {
        guard case let .publishTemplate(template) = Fixture.payloads[3] else { Issue.record("fixture order"); return }
        #expect(template.id.hex == "317d42dd32ef05c21f4d993a7b78b37d3d89d87761327d22f012fc108bafac37")
    }

    @Test func senderAddressIsDerivedFromTheSenderKey() {
        #expect(Fixture.transaction(Fixture.payloads[0]).senderAddress == Address(publicKey: Fixture.key(0x11)))
    }

    @Test func unknownTransactionKindIsRejected() {
        expectDecodeError(hexBytes(Self.envelopeHex + "09" + Self.signatureHex), as: Transaction.self,
                          .unknownTag(type: "TransactionPayload", tag: 9))
    }

    @Test func unknownMediaTypeIsRejected() {
        let bytes = hexBytes("04536f6e67" + rep("33", 32) + "03")
        expectDecodeError(bytes, as: RegisterWork.self, .unknownTag(type: "MediaType", tag: 3))
    }

    @Test func unknownTemplateBodyIsRejected() {
        expectDecodeError(hexBytes("01000000" + "02" + "00"), as: PublishTemplate.self,
                          .unknownTag(type: "TemplateBody", tag: 2))
    }

    @Test func nonBooleanVoteIsRejected() {
        expectDecodeError(hexBytes(rep("ee", 32) + "02"), as: AuthorityVote.self,
                          .invalidValue(type: "Bool", reason: "byte 2 is neither 0 nor 1"))
    }

    @Test(arguments: 0..<9)
    func everyTruncatedTransactionThrowsTruncated(kind: Int) {
        expectTruncationAlwaysThrows(hexBytes(Self.envelopeHex + Self.payloadHex[kind] + Self.signatureHex),
                                     decode: Transaction.self)
    }
}

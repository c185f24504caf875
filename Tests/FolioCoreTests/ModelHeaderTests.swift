import FolioCrypto
import Testing
@testable import FolioCore

@Suite struct ModelHeaderTests {
    static let unsealed = BlockHeader(
        chainId: 7, height: 2, parent: Fixture.hash(0xaa), merkleRoot: Fixture.hash(0xbb),
        stateRoot: Fixture.hash(0xcc), timestamp: 0x6800_0000,
        seal: .proofOfWork(ProofOfWorkSeal(bits: 0x1f00_ffff, extraNonce: 3, payee: Fixture.address(0x5a), nonce: 0x0102_0304_0506_0708)))

    static var authorityHeader: BlockHeader {
        var header = unsealed
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: Fixture.key(0xee), signature: Fixture.signature(0x44)))
        return header
    }

    /// The 120 bytes every header starts with, written field by field.
    static let commonHex =
        "01000000" // version 1
        + "07000000" // chain id 7
        + "0200000000000000" // height 2
        + rep("aa", 32) // parent
        + rep("bb", 32) // merkle root
        + rep("cc", 32) // state root
        + "0000006800000000" // timestamp 0x68000000 seconds

    static let powHex = commonHex
        + "00" // seal tag: proof of work
        + "ffff001f" // bits 0x1f00ffff
        + "03000000" // extra nonce 3
        + rep("5a", 20) // payee
        + "0807060504030201" // nonce 0x0102030405060708

    static let poaHex = commonHex
        + "01" // seal tag: proof of authority
        + rep("ee", 32) // authority key
        + rep("44", 64) // signature

    @Test func powHeaderEncodesToTheDocumentedBytes() {
        expectCanonical(Self.unsealed, hex: Self.powHex)
    }

    @Test func poaHeaderEncodesToTheDocumentedBytes() {
        expectCanonical(Self.authorityHeader, hex: Self.poaHex)
    }

    @Test func headerSizesAreFixedPerEngine() {
        #expect(Self.unsealed.canonicalBytes.count == ProofOfWorkSeal.headerSize)
        #expect(Self.authorityHeader.canonicalBytes.count == ProofOfAuthoritySeal.headerSize)
        #expect(BlockHeader.unsealedSize == 120)
    }

    @Test func powNonceLiesWhollyInTheThirdSHA256Block() {
        let bytes = Self.unsealed.canonicalBytes
        let nonce = bytes[ProofOfWorkSeal.nonceOffset..<ProofOfWorkSeal.nonceOffset + 8]
        #expect(Array(nonce) == [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
        #expect(ProofOfWorkSeal.nonceOffset >= 128 && ProofOfWorkSeal.headerSize - 128 <= 55)
    }

    @Test func poaSigningBytesLeaveOutOnlyTheSignature() {
        let expected = hexBytes(Self.commonHex + "01" + rep("ee", 32))
        #expect(Self.authorityHeader.signingBytes == expected)
        #expect(Self.authorityHeader.signingBytes.count == 153)
    }

    @Test func powSigningBytesAreTheWholeHeader() {
        #expect(Self.unsealed.signingBytes == hexBytes(Self.powHex))
    }

    @Test func signingBytesIgnoreTheSignatureValue() {
        var other = Self.authorityHeader
        other.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: Fixture.key(0xee), signature: Fixture.signature(0x45)))
        #expect(other.signingBytes == Self.authorityHeader.signingBytes)
        #expect(other.id != Self.authorityHeader.id)
    }

    // Digests computed outside Swift (Python hashlib) over the hand-written hex above.
    @Test func blockIdIsDoubleSHA256OfTheHeaderBytes() {
        #expect(Self.unsealed.id.hex == "686defad8a3cd76c15c4bf41b09db58acb3c52a4be3d393a5656923ea2ee3264")
        #expect(Self.authorityHeader.id.hex == "c74d1768fca2a4310c17e8d71dd7cf24d88a0792da54f1537a0961693e347fce")
        #expect(Block(header: Self.unsealed, transactions: []).id == Self.unsealed.id)
    }

    @Test func unknownSealTagIsRejected() {
        expectDecodeError(hexBytes(Self.commonHex + "02"), as: BlockHeader.self, .unknownTag(type: "Seal", tag: 2))
    }

    @Test(arguments: [powHex, poaHex])
    func everyTruncatedHeaderThrowsTruncated(hex: String) {
        expectTruncationAlwaysThrows(hexBytes(hex), decode: BlockHeader.self)
    }
}

@Suite struct ModelBlockTests {
    static let transferHex = TransactionEncodingTests.transferHex

    @Test func blockEncodesHeaderThenCountedTransactions() {
        let block = Block(header: ModelHeaderTests.unsealed, transactions: [Fixture.transaction(Fixture.payloads[0])])
        expectCanonical(block, hex: ModelHeaderTests.powHex + "01" + Self.transferHex)
        expectTruncationAlwaysThrows(hexBytes(ModelHeaderTests.powHex + "01" + Self.transferHex), decode: Block.self)
    }

    @Test func blockTransactionCountOverCapIsRejectedBeforeReading() {
        // 10,001 as a varint: 0x91 0x4e.
        expectDecodeError(hexBytes(ModelHeaderTests.powHex + "914e"), as: Block.self,
                          .lengthOverCap(field: "transactions", length: 10_001, cap: Limits.transactionsPerBlock))
    }

    @Test func blockCountLargerThanTheBytesLeftIsTruncated() {
        let bytes = hexBytes(ModelHeaderTests.powHex + "02" + Self.transferHex)
        #expect(throws: CodecError.self) { try Block(canonicalBytes: bytes) }
    }

    @Test func blockOverTheByteCapIsRejected() {
        let template = PublishTemplate(languageVersion: 1, body: .bytecode([UInt8](repeating: 1, count: Limits.templateBytes)))
        let count = Limits.blockBytes / Limits.templateBytes + 1
        let block = Block(header: ModelHeaderTests.unsealed,
                          transactions: Array(repeating: Fixture.transaction(.publishTemplate(template)), count: count))
        let bytes = block.canonicalBytes
        expectDecodeError(bytes, as: Block.self,
                          .lengthOverCap(field: "block bytes", length: UInt64(bytes.count), cap: Limits.blockBytes))
    }
}

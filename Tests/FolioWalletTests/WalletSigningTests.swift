import FolioCore
import FolioCrypto
import Testing
@testable import FolioWallet

/// One payload of each of the nine kinds, with the tag the protocol fixes for it.
enum PayloadKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case transfer, registerWork, transferWorkShare, publishTemplate, offerLicence, acceptLicence, reportUsage
    case revokeOffer, authorityVote

    var testDescription: String { rawValue }

    /// The tag docs/protocol.md assigns, written out by hand.
    var expectedTag: UInt64 {
        switch self {
        case .transfer: 0
        case .registerWork: 1
        case .transferWorkShare: 2
        case .publishTemplate: 3
        case .offerLicence: 4
        case .acceptLicence: 5
        case .reportUsage: 6
        case .revokeOffer: 7
        case .authorityVote: 8
        }
    }

    func payload() throws -> TransactionPayload {
        let address = try #require(Address(bytes: [UInt8](repeating: 0xAB, count: 20)))
        let id = try #require(Hash256(bytes: [UInt8](repeating: 0x5C, count: 32)))
        switch self {
        case .transfer:
            return .transfer(Transfer(to: address, amount: Amount(baseUnits: 2500)))
        case .registerWork:
            let fingerprint = try #require(Fingerprint(bytes: [UInt8](repeating: 0x0F, count: 32)))
            return .registerWork(RegisterWork(
                title: "First song", metadataHash: id, mediaType: .audio, contentHash: id, fingerprint: fingerprint,
                modelId: id, owners: [Ownership(owner: address, share: Ownership.wholeShare)], parents: []))
        case .transferWorkShare:
            return .transferWorkShare(TransferWorkShare(workId: id, to: address, share: 25_000_000))
        case .publishTemplate:
            return .publishTemplate(PublishTemplate(languageVersion: 1, body: .source("licence x {}")))
        case .offerLicence:
            return .offerLicence(OfferLicence(workId: id, templateId: id, parameters: [LicenceParameter(name: "rate", value: [5])],
                                              legalTextHash: id))
        case .acceptLicence:
            return .acceptLicence(AcceptLicence(offerId: id, useParameters: [], payment: Amount(baseUnits: 10)))
        case .reportUsage:
            return .reportUsage(ReportUsage(licenceId: id, action: "stream", count: 12_000,
                                            period: UsagePeriod(start: 1_740_787_200, end: 1_743_465_600),
                                            revenue: Amount(baseUnits: 600), payment: Amount(baseUnits: 60)))
        case .revokeOffer:
            return .revokeOffer(RevokeOffer(offerId: id))
        case .authorityVote:
            return .authorityVote(AuthorityVote(candidate: try PublicKey(bytes: [UInt8](repeating: 0x33, count: 32)), add: true))
        }
    }
}

@Suite("Wallet signing")
struct WalletSigningTests {
    static let key = Result { try PrivateKey(seed: [UInt8](0..<32)) }

    @Test(arguments: PayloadKind.allCases)
    func signedTransactionVerifiesAndKeepsEveryField(kind: PayloadKind) throws {
        let key = try Self.key.get()
        let draft = UnsignedTransaction(chainId: 7, nonce: 42, fee: Amount(baseUnits: 3), payload: try kind.payload())
        let signed = try draft.signed(by: key)
        #expect(signed.hasValidSignature)
        #expect(signed.chainId == 7 && signed.nonce == 42 && signed.fee == Amount(baseUnits: 3))
        #expect(signed.sender == key.publicKey)
        #expect(signed.payload.kindTag == kind.expectedTag)
        #expect(try Transaction(canonicalBytes: signed.canonicalBytes) == signed)
    }

    /// The signed bytes start chainId (4 LE), sender (32), nonce (8 LE), fee (8 LE), then the tag.
    @Test func signingBytesFollowTheEnvelopeLayout() throws {
        let key = try Self.key.get()
        let signed = try UnsignedTransaction(chainId: 0x0102_0304, nonce: 5, fee: Amount(baseUnits: 6),
                                             payload: PayloadKind.revokeOffer.payload()).signed(by: key)
        let bytes = signed.signingBytes
        #expect(Array(bytes[0..<4]) == [0x04, 0x03, 0x02, 0x01])
        #expect(Array(bytes[4..<36]) == key.publicKey.bytes)
        #expect(Array(bytes[36..<44]) == [5, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[44..<52]) == [6, 0, 0, 0, 0, 0, 0, 0])
        #expect(bytes[52] == 7)
        #expect(bytes.count == 52 + 1 + 32)
    }

    @Test func changingChainIdNonceOrFeeBreaksTheSignature() throws {
        let signed = try UnsignedTransaction(chainId: 1, nonce: 1, fee: Amount(baseUnits: 1),
                                             payload: PayloadKind.transfer.payload()).signed(by: Self.key.get())
        var otherChain = signed
        otherChain.chainId = 2
        var otherNonce = signed
        otherNonce.nonce = 2
        var otherFee = signed
        otherFee.fee = Amount(baseUnits: 2)
        #expect(!otherChain.hasValidSignature)
        #expect(!otherNonce.hasValidSignature)
        #expect(!otherFee.hasValidSignature)
    }

    @Test func reportsTheSharedVersion() {
        #expect(WalletBuild.version == FolioVersion.current)
    }
}

import FolioCrypto
import Testing
@testable import FolioCore

// Fixture values for the data-model tests. Each fixture fills its bytes with one repeated
// byte, so the expected hex in a test can be written by hand as `rep("11", 32)`.

/// `byte` (two hex digits) repeated `count` times.
func rep(_ byte: String, _ count: Int) -> String { String(repeating: byte, count: count) }

enum Fixture {
    static func bytes(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }

    static func hash(_ byte: UInt8) -> Hash256 { Hash256(bytes: bytes(byte, 32)) ?? .zero }

    static func key(_ byte: UInt8) -> PublicKey {
        do { return try PublicKey(bytes: bytes(byte, 32)) } catch {
            Issue.record("fixture key: \(error)")
            return fallbackKey
        }
    }

    static func signature(_ byte: UInt8) -> Signature {
        do { return try Signature(bytes: bytes(byte, 64)) } catch {
            Issue.record("fixture signature: \(error)")
            return Signature.genesisPlaceholder
        }
    }

    static func address(_ byte: UInt8) -> Address { Address(bytes: bytes(byte, 20)) ?? Address(publicKey: fallbackKey) }

    static func fingerprint(_ byte: UInt8) -> Fingerprint {
        Fingerprint(bytes: bytes(byte, 32)) ?? Fingerprint(bytes: bytes(0, 32))!
    }

    private static let fallbackKey = try! PublicKey(bytes: [UInt8](repeating: 0, count: 32))

    /// A registration with two owners (60% / 40%) and one parent.
    static let registerWork = RegisterWork(
        title: "Song", metadataHash: hash(0x33), mediaType: .audio, contentHash: hash(0x55),
        fingerprint: fingerprint(0x66), modelId: hash(0x77),
        owners: [Ownership(owner: address(0x22), share: 60_000_000), Ownership(owner: address(0x88), share: 40_000_000)],
        parents: [hash(0x99)])

    /// One payload of every kind, in tag order.
    static let payloads: [TransactionPayload] = [
        .transfer(Transfer(to: address(0x22), amount: Amount(baseUnits: 250_000))),
        .registerWork(registerWork),
        .transferWorkShare(TransferWorkShare(workId: hash(0x99), to: address(0x22), share: 1)),
        .publishTemplate(PublishTemplate(languageVersion: 1, body: .source("grant play"))),
        .offerLicence(OfferLicence(
            workId: hash(0x99), templateId: hash(0xaa),
            parameters: [LicenceParameter(name: "fee", value: [0x14])], legalTextHash: hash(0xbb))),
        .acceptLicence(AcceptLicence(
            offerId: hash(0xcc), useParameters: [LicenceParameter(name: "territory", value: Array("EU".utf8))],
            payment: Amount(baseUnits: 20_000))),
        .reportUsage(ReportUsage(
            licenceId: hash(0xdd), action: "stream", count: 1_500_000,
            period: UsagePeriod(start: 1_767_225_600, end: 1_769_904_000), revenue: Amount(baseUnits: 9),
            payment: Amount(baseUnits: 6_000))),
        .revokeOffer(RevokeOffer(offerId: hash(0xcc))),
        .authorityVote(AuthorityVote(candidate: key(0xee), add: true)),
    ]

    /// A transaction on chain 7 from key 0x11… carrying `payload`.
    static func transaction(_ payload: TransactionPayload) -> Transaction {
        Transaction(chainId: 7, sender: key(0x11), nonce: 5, fee: Amount(baseUnits: 1_000), payload: payload,
                    signature: signature(0x44))
    }
}

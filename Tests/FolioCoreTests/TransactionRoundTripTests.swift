import FolioCrypto
import PropertyBased
import Testing
@testable import FolioCore

/// Generators for model values: every field drawn over its whole range, variable-length
/// fields up to (not always at) their caps.
enum ModelGen {
    static let byte = Gen<UInt8>.value(in: 0...255)
    static let hash = byte.array(of: 32).map { Hash256(bytes: $0) ?? .zero }
    static let key = byte.array(of: 32).compactMap { try? PublicKey(bytes: $0) }
    static let signature = byte.array(of: 64).compactMap { try? Signature(bytes: $0) }
    static let address = byte.array(of: 20).compactMap { Address(bytes: $0) }
    static let amount = Gen.uint64().map { Amount(baseUnits: $0) }
    static let fingerprint = byte.array(of: 32).compactMap { Fingerprint(bytes: $0) }
    /// One-, two- and four-byte UTF-8 characters.
    static let character = Gen.oneOf(Gen.letterOrNumber, Gen.character(in: "α"..."ω"), Gen.character(in: "😀"..."😏"))
    /// Up to 48 bytes of text: under every string cap but the usage action's.
    static let text = character.string(of: 0...12)
    /// Up to 32 bytes of text, the usage action's cap.
    static let action = character.string(of: 0...8)
    static let parameter = zip(text, byte.array(of: 0...40)).map { LicenceParameter(name: $0, value: $1) }
    static let parameters = parameter.array(of: 0...4)
    static let ownership = zip(address, Gen.uint64()).map { Ownership(owner: $0, share: $1) }

    static let registerWork = zip(
        text, hash, Gen<MediaType>.case, hash, fingerprint, hash, ownership.array(of: 0...5), hash.array(of: 0...3)
    ).map { RegisterWork(title: $0, metadataHash: $1, mediaType: $2, contentHash: $3, fingerprint: $4,
                         modelId: $5, owners: $6, parents: $7) }

    static let templateBody = Gen.oneOf(
        text.map { TemplateBody.source($0) }.eraseToAnySequence(),
        byte.array(of: 0...64).map { TemplateBody.bytecode($0) }.eraseToAnySequence())

    static let payload = Gen.oneOf(
        zip(address, amount).map { TransactionPayload.transfer(Transfer(to: $0, amount: $1)) }.eraseToAnySequence(),
        registerWork.map { TransactionPayload.registerWork($0) }.eraseToAnySequence(),
        zip(hash, address, Gen.uint64()).map {
            TransactionPayload.transferWorkShare(TransferWorkShare(workId: $0, to: $1, share: $2))
        }.eraseToAnySequence(),
        zip(Gen.uint32(), templateBody).map {
            TransactionPayload.publishTemplate(PublishTemplate(languageVersion: $0, body: $1))
        }.eraseToAnySequence(),
        zip(hash, hash, parameters, hash).map {
            TransactionPayload.offerLicence(OfferLicence(workId: $0, templateId: $1, parameters: $2, legalTextHash: $3))
        }.eraseToAnySequence(),
        zip(hash, parameters, amount).map {
            TransactionPayload.acceptLicence(AcceptLicence(offerId: $0, useParameters: $1, payment: $2))
        }.eraseToAnySequence(),
        zip(hash, action, Gen.uint64(), Gen.int64(), Gen.int64(), amount, amount).map {
            TransactionPayload.reportUsage(ReportUsage(
                licenceId: $0, action: $1, count: $2, period: UsagePeriod(start: $3, end: $4), revenue: $5, payment: $6))
        }.eraseToAnySequence(),
        hash.map { TransactionPayload.revokeOffer(RevokeOffer(offerId: $0)) }.eraseToAnySequence(),
        zip(key, Gen.bool).map { TransactionPayload.authorityVote(AuthorityVote(candidate: $0, add: $1)) }.eraseToAnySequence())

    static let transaction = zip(Gen.uint32(), key, Gen.uint64(), amount, payload, signature).map {
        Transaction(chainId: $0, sender: $1, nonce: $2, fee: $3, payload: $4, signature: $5)
    }

    static let seal = Gen.oneOf(
        zip(Gen.uint32(), Gen.uint32(), Gen.uint64()).map {
            Seal.proofOfWork(ProofOfWorkSeal(bits: $0, extraNonce: $1, nonce: $2))
        }.eraseToAnySequence(),
        zip(key, signature).map {
            Seal.proofOfAuthority(ProofOfAuthoritySeal(authority: $0, signature: $1))
        }.eraseToAnySequence())

    static let header = zip(Gen.uint32(), Gen.uint32(), Gen.uint64(), hash, hash, hash, Gen.int64(), seal).map {
        BlockHeader(version: $0, chainId: $1, height: $2, parent: $3, merkleRoot: $4, stateRoot: $5, timestamp: $6, seal: $7)
    }
}

@Suite struct TransactionRoundTripTests {
    @Test(arguments: 0..<9)
    func everyKindDecodesBackToItself(kind: Int) throws {
        let transaction = Fixture.transaction(Fixture.payloads[kind])
        #expect(try Transaction(canonicalBytes: transaction.canonicalBytes) == transaction)
    }

    @Test func anyTransactionRoundTripsAndSignsItsPrefix() async {
        await propertyCheck(count: 300, input: ModelGen.transaction) { transaction in
            let bytes = transaction.canonicalBytes
            #expect((try? Transaction(canonicalBytes: bytes)) == transaction)
            #expect(bytes == transaction.signingBytes + transaction.signature.bytes)
            #expect(transaction.id == SHA256.hash(bytes))
        }
    }

    @Test func anyHeaderRoundTripsAtItsEnginesFixedSize() async {
        await propertyCheck(count: 300, input: ModelGen.header) { header in
            let bytes = header.canonicalBytes
            #expect((try? BlockHeader(canonicalBytes: bytes)) == header)
            switch header.seal {
            case .proofOfWork: #expect(bytes.count == ProofOfWorkSeal.headerSize)
            case .proofOfAuthority: #expect(bytes.count == ProofOfAuthoritySeal.headerSize)
            }
        }
    }

    @Test func anyBlockRoundTrips() async {
        await propertyCheck(count: 50, input: ModelGen.header, ModelGen.transaction.array(of: 0...4)) { header, transactions in
            let block = Block(header: header, transactions: transactions)
            #expect((try? Block(canonicalBytes: block.canonicalBytes)) == block)
        }
    }

    @Test func anyTruncatedTransactionThrowsTruncated() async {
        await propertyCheck(count: 40, input: ModelGen.transaction) { transaction in
            expectTruncationAlwaysThrows(transaction.canonicalBytes, decode: Transaction.self)
        }
    }

    @Test func trailingBytesAfterATransactionAreRefused() {
        let bytes = Fixture.transaction(Fixture.payloads[7]).canonicalBytes + [0]
        expectDecodeError(bytes, as: Transaction.self, .trailingBytes(count: 1))
    }
}

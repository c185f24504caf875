import FolioCore
import FolioCrypto
import Testing
@testable import FolioChain

/// Who a block pays its reward and fees to.
@Suite struct SealProducerTests {
    static func header(_ seal: Seal) -> BlockHeader {
        BlockHeader(chainId: 7, height: 1, parent: .zero, merkleRoot: .zero, stateRoot: .zero, timestamp: 1_700_000_000, seal: seal)
    }

    @Test func aProofOfWorkBlockPaysThePayeeInItsSeal() throws {
        let payee = try #require(Address(bytes: [UInt8](repeating: 0x31, count: 20)))
        #expect(Chain.sealProducer(Self.header(.proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff, payee: payee)))) == payee)
    }

    @Test func theZeroPayeePaysNoOne() {
        #expect(Chain.sealProducer(Self.header(.proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff)))) == nil)
    }

    @Test func aProofOfAuthorityBlockPaysItsAuthority() throws {
        let key = try PrivateKey(seed: [UInt8](repeating: 5, count: 32)).publicKey
        let seal = Seal.proofOfAuthority(ProofOfAuthoritySeal(authority: key, signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))))
        #expect(Chain.sealProducer(Self.header(seal)) == Address(publicKey: key))
    }
}

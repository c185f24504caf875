import FolioCore
import FolioCrypto
import Testing
@testable import FolioPoA

/// The testnet authority keys documented in docs/consensus.md were derived with the openssl
/// command line; FolioCrypto must derive the same keys from the same seed rule.
@Suite struct DevKeyTests {
    @Test(arguments: [
        (1, "b2204348142d9168c9581812edbdce0e4d1f477e53edaabb785b456ed84b5401"),
        (2, "efd022420a0317f930aa0ea79fff5ce62d6209eeb8c850e43653ad5ecb72eb27"),
        (3, "44e9a420bde1f6fc708175246b7f1fdcd3b3e3d27c87c919b77b3538a6144f1f"),
    ])
    func devAuthorityKeyFollowsTheDocumentedSeedRule(index: Int, publicHex: String) throws {
        let seed = SHA256.hash(Array("folio-dev-poa-authority-\(index)".utf8)).bytes
        let key = try PrivateKey(seed: seed)
        #expect(HexCoding.encode(key.publicKey.bytes) == publicHex)
    }
}

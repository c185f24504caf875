import FolioCore
import FolioCrypto
import Foundation
import Testing
@testable import FolioKeystore

/// Key files written by `Vectors/make-vectors.py` (an independent Python writer following
/// docs/keystore.md) must open to the seed that script chose.
@Suite("Keystore vectors")
struct KeystoreVectorTests {
    @Test func manifestListsThreeVectors() {
        #expect(KeystoreVector.all.count == 3)
    }

    @Test(arguments: KeystoreVector.all)
    func vectorOpensToItsChosenSeed(vector: KeystoreVector) throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let address = try #require(Address(bytes: HexCoding.decode(vector.address) ?? []))
            try Data(try vector.fileBytes()).write(to: URL(fileURLWithPath: keystore.path(for: address)))
            let key = try keystore.unlock(address, passphrase: secret(vector.passphrase))
            let seed = key.withUnsafeSeedBytes { Array($0) }
            #expect(HexCoding.encode(seed) == vector.seed)
            #expect(HexCoding.encode(key.publicKey.bytes) == vector.publicKey)
        }
    }

    @Test(arguments: KeystoreVector.all)
    func vectorRefusesAnotherPassphrase(vector: KeystoreVector) throws {
        let file = try KeyFile.decode(vector.fileBytes(), path: vector.file)
        let kind = errorKind { () throws(KeystoreError) in
            _ = try KeySealer.open(file, passphrase: secret(vector.passphrase + "x"), path: vector.file)
        }
        #expect(kind == .wrongPassphrase)
    }

    @Test func formatVersionIsOne() {
        #expect(KeystoreFormat.currentVersion == 1)
    }
}

import FolioCore
import FolioCrypto
import Foundation
import Glibc
import Testing
@testable import FolioKeystore

@Suite("Keystore writes")
struct KeystoreWriteTests {
    @Test func savedKeyOpensWithItsPassphraseToTheSameSeed() throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.appendingPathComponent("nested/keys").path)
            let entry = try keystore.save(testKey(7), passphrase: secret("s3cret"), cost: .light)
            let key = try keystore.unlock(entry.address, passphrase: secret("s3cret"))
            #expect(key.withUnsafeSeedBytes { Array($0) } == [UInt8](repeating: 7, count: 32))
        }
    }

    @Test func savedFileIsReadableByTheOwnerOnly() throws {
        try withTemporaryDirectory { directory in
            let entry = try Keystore(directory: directory.path).save(testKey(2), passphrase: secret("pw"), cost: .light)
            var info = stat()
            #expect(stat(entry.path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
        }
    }

    @Test func savedFileRecordsTheCostAndFreshSaltPerWrite() throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let entry = try keystore.save(testKey(3), passphrase: secret("pw"), cost: .light)
            let first = try KeyFile.decode(contents(entry.path), path: entry.path)
            try keystore.save(testKey(3), passphrase: secret("pw"), cost: .light, replacing: true)
            let second = try KeyFile.decode(contents(entry.path), path: entry.path)
            #expect(first.kdf.n == 4096 && first.kdf.r == 8 && first.kdf.p == 1)
            #expect(first.kdf.salt != second.kdf.salt)
            #expect(first.cipher.nonce != second.cipher.nonce)
        }
    }

    @Test func secondSaveOfAnAddressIsRefusedAndLeavesTheFirst() throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let entry = try keystore.save(testKey(4), passphrase: secret("one"), cost: .light)
            let before = contents(entry.path)
            let key = try testKey(4)
            let kind = errorKind { () throws(KeystoreError) in
                try keystore.save(key, passphrase: secret("two"), cost: .light)
            }
            #expect(kind == .alreadyExists)
            #expect(contents(entry.path) == before)
        }
    }

    @Test func wrongPassphraseChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let entry = try keystore.save(testKey(5), passphrase: secret("right"), cost: .light)
            let before = contents(entry.path)
            let kind = errorKind { () throws(KeystoreError) in _ = try keystore.unlock(entry.address, passphrase: secret("wrong")) }
            #expect(kind == .wrongPassphrase)
            #expect(contents(entry.path) == before)
            #expect(names(in: directory) == [Keystore.fileName(for: entry.address)])
        }
    }

    @Test func unknownAddressIsKeyNotFound() throws {
        try withTemporaryDirectory { directory in
            let address = try #require(Address(bytes: [UInt8](repeating: 9, count: 20)))
            let kind = errorKind { () throws(KeystoreError) in
                _ = try Keystore(directory: directory.path).unlock(address, passphrase: secret("x"))
            }
            #expect(kind == .keyNotFound)
        }
    }

    @Test func missingDirectoryListsNoKeys() throws {
        #expect(try Keystore(directory: "/nonexistent/folio-keystore-test").list().isEmpty)
    }

    @Test func importStoresTheFileBytesUnchangedOnceThePassphraseOpensIt() throws {
        try withTemporaryDirectory { directory in
            let vector = try #require(KeystoreVector.all.first)
            let bytes = try vector.fileBytes()
            let keystore = Keystore(directory: directory.path)
            let wrong = errorKind { () throws(KeystoreError) in
                try keystore.importKeyFile(bytes, passphrase: secret("nope"), source: "v")
            }
            #expect(wrong == .wrongPassphrase)
            #expect(names(in: directory).isEmpty)
            let entry = try keystore.importKeyFile(bytes, passphrase: secret(vector.passphrase), source: "v")
            #expect(HexCoding.encode(entry.address.bytes) == vector.address)
            #expect(contents(entry.path) == bytes)
        }
    }

    /// Every failure on the way to the rename leaves the old key file byte for byte, still
    /// opening with the old passphrase.
    @Test(arguments: FaultyFileOperations.Fault.allCases)
    func failedReplaceLeavesTheOldKeyIntact(fault: FaultyFileOperations.Fault) throws {
        try withTemporaryDirectory { directory in
            let good = Keystore(directory: directory.path)
            let entry = try good.save(testKey(6), passphrase: secret("old"), cost: .light)
            let before = contents(entry.path)
            let faulty = Keystore(directory: directory.path, files: FaultyFileOperations(fault: fault))
            let key = try testKey(6)
            let kind = errorKind { () throws(KeystoreError) in
                try faulty.save(key, passphrase: secret("new"), cost: .light, replacing: true)
            }
            #expect(kind != nil)
            #expect(contents(entry.path) == before)
            #expect(try good.unlock(entry.address, passphrase: secret("old")).publicKey == entry.publicKey)
            #expect(try good.list().count == 1)
            let leftovers = names(in: directory).filter { $0.hasPrefix(AtomicFileWriter.temporaryPrefix) }
            #expect(leftovers.count == (fault == .crashBeforeRename ? 1 : 0))
        }
    }

    @Test(arguments: FaultyFileOperations.Fault.allCases)
    func failedFirstSaveLeavesNoKeyFile(fault: FaultyFileOperations.Fault) throws {
        try withTemporaryDirectory { directory in
            let faulty = Keystore(directory: directory.path, files: FaultyFileOperations(fault: fault))
            let key = try testKey(8)
            _ = errorKind { () throws(KeystoreError) in try faulty.save(key, passphrase: secret("pw"), cost: .light) }
            #expect(names(in: directory).filter { $0.hasPrefix("key-") }.isEmpty)
            #expect(try Keystore(directory: directory.path).list().isEmpty)
        }
    }

    @Test func diskFullIsReportedAsNoSpace() throws {
        try withTemporaryDirectory { directory in
            let faulty = Keystore(directory: directory.path, files: FaultyFileOperations(fault: .diskFullDuringWrite))
            let key = try testKey(8)
            let kind = errorKind { () throws(KeystoreError) in try faulty.save(key, passphrase: secret("pw"), cost: .light) }
            #expect(kind == .io(ENOSPC))
        }
    }

    @Test func afterASimulatedCrashTheNextSaveSucceeds() throws {
        try withTemporaryDirectory { directory in
            let crashing = Keystore(directory: directory.path, files: FaultyFileOperations(fault: .crashBeforeRename))
            let key = try testKey(9)
            _ = errorKind { () throws(KeystoreError) in try crashing.save(key, passphrase: secret("pw"), cost: .light) }
            let keystore = Keystore(directory: directory.path)
            let entry = try keystore.save(key, passphrase: secret("pw"), cost: .light)
            #expect(try keystore.list().map(\.path) == [entry.path])
        }
    }
}

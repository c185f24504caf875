import FolioCore
import FolioCrypto
import Foundation
import Testing
@testable import FolioKeystore

/// One way a key file can be damaged, and the error a reader must give for it.
enum Corruption: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case empty, notJSON, truncated, jsonArray, versionTwo, versionAsText, missingTag, missingKDF
    case ciphertextBitFlipped, tagBitFlipped, nonceChanged, saltChanged, checkChanged, costRChanged
    case addressOfAnotherKey, publicKeyChanged, kdfNameUnknown, cipherNameUnknown
    case costNotPowerOfTwo, costTooMuchMemory, ciphertextShort, ciphertextNotHex, tooLarge

    var testDescription: String { rawValue }

    /// What the reader must report. Salt, check and cost feed the passphrase check, so changing
    /// them cannot be told apart from a wrong passphrase; that is the documented answer.
    var expected: ErrorKind {
        switch self {
        case .versionTwo: return .unknownVersion(2)
        case .saltChanged, .checkChanged, .costRChanged: return .wrongPassphrase
        default: return .corrupt
        }
    }

    /// The damaged bytes, made from the original file's bytes.
    func apply(to original: [UInt8]) throws -> [UInt8] {
        switch self {
        case .empty: return []
        case .notJSON: return Array("this is not a key file\n".utf8)
        case .truncated: return Array(original.prefix(original.count / 2))
        case .jsonArray: return Array("[1, 2, 3]".utf8)
        case .tooLarge: return original + [UInt8](repeating: 0x20, count: KeystoreFormat.maximumFileByteCount)
        default:
            var object = try #require(try JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
            try edit(&object)
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        }
    }

    private func edit(_ object: inout [String: Any]) throws {
        var kdf = try #require(object["kdf"] as? [String: Any])
        var cipher = try #require(object["cipher"] as? [String: Any])
        switch self {
        case .versionTwo: object["version"] = 2
        case .versionAsText: object["version"] = "1"
        case .missingTag: object["tag"] = nil
        case .missingKDF: object["kdf"] = nil
        case .ciphertextBitFlipped: object["ciphertext"] = try flipFirstBit(object["ciphertext"])
        case .tagBitFlipped: object["tag"] = try flipFirstBit(object["tag"])
        case .nonceChanged: cipher["nonce"] = try flipFirstBit(cipher["nonce"])
        case .saltChanged: kdf["salt"] = try flipFirstBit(kdf["salt"])
        case .checkChanged: object["check"] = try flipFirstBit(object["check"])
        case .costRChanged: kdf["r"] = 4
        case .addressOfAnotherKey: object["address"] = String(repeating: "ab", count: 20)
        case .publicKeyChanged: object["publicKey"] = try flipFirstBit(object["publicKey"])
        case .kdfNameUnknown: kdf["name"] = "pbkdf2"
        case .cipherNameUnknown: cipher["name"] = "aes-256-gcm"
        case .costNotPowerOfTwo: kdf["n"] = 4095
        case .costTooMuchMemory: kdf["n"] = 1 << 24
        case .ciphertextShort: object["ciphertext"] = String(repeating: "00", count: 31)
        case .ciphertextNotHex: object["ciphertext"] = String(repeating: "zz", count: 32)
        case .empty, .notJSON, .truncated, .jsonArray, .tooLarge: break
        }
        if object["kdf"] != nil { object["kdf"] = kdf }
        object["cipher"] = cipher
    }

    private func flipFirstBit(_ value: Any?) throws -> String {
        let text = try #require(value as? String)
        var bytes = try #require(HexCoding.decode(text))
        bytes[0] ^= 0x01
        return HexCoding.encode(bytes)
    }
}

@Suite("Keystore corruption")
struct KeystoreCorruptionTests {
    static let base = KeystoreVector.all.first { $0.file == "vector-ascii" }

    @Test(arguments: Corruption.allCases)
    func damagedFileGivesItsErrorAndStaysUnchanged(corruption: Corruption) throws {
        let vector = try #require(Self.base)
        let damaged = try corruption.apply(to: vector.fileBytes())
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let address = try #require(Address(bytes: HexCoding.decode(vector.address) ?? []))
            let path = keystore.path(for: address)
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let kind = errorKind { () throws(KeystoreError) in
                _ = try keystore.unlock(address, passphrase: secret(vector.passphrase))
            }
            #expect(kind == corruption.expected)
            #expect(contents(path) == damaged)
            #expect(names(in: directory) == [Keystore.fileName(for: address)])
        }
    }

    @Test func corruptErrorNamesTheMissingField() throws {
        let vector = try #require(Self.base)
        let damaged = try Corruption.missingTag.apply(to: vector.fileBytes())
        #expect(throws: KeystoreError.corrupt(path: "f", reason: "field \"tag\" is missing")) {
            _ = try KeyFile.decode(damaged, path: "f")
        }
    }

    @Test func listReportsADamagedFileBesideAGoodOne() throws {
        try withTemporaryDirectory { directory in
            let keystore = Keystore(directory: directory.path)
            let good = try keystore.save(testKey(1), passphrase: secret("pw"), cost: .light)
            let badPath = directory.appendingPathComponent("key-" + String(repeating: "00", count: 20) + ".json")
            try Data("{}".utf8).write(to: badPath)
            let listing = try keystore.list()
            #expect(listing.map(\.path) == [badPath.path, good.path])
            #expect(listing.first.map { if case .failure(.corrupt) = $0.result { true } else { false } } == true)
            #expect(listing.last.flatMap { try? $0.result.get() } == good)
        }
    }

    @Test func listRefusesAFileWhoseNameIsNotItsAddress() throws {
        try withTemporaryDirectory { directory in
            let vector = try #require(Self.base)
            let wrongName = directory.appendingPathComponent("key-" + String(repeating: "11", count: 20) + ".json")
            try Data(try vector.fileBytes()).write(to: wrongName)
            let listing = try Keystore(directory: directory.path).list()
            #expect(listing.count == 1)
            guard case let .failure(error)? = listing.first?.result else {
                Issue.record("a misnamed key file was listed as a key")
                return
            }
            #expect(ErrorKind(error) == .corrupt)
        }
    }
}

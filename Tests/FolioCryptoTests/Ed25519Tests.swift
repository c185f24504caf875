import Synchronization
import Testing
@testable import FolioCrypto

struct Ed25519Vector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let secretKey: String
    let publicKey: String
    let message: String
    let signature: String
    var testDescription: String { name }
}

/// The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
let groupOrderL: [UInt8] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
]

/// `signature` with L added to its S half (bytes 32..<64, little-endian): same point, S ≥ L.
func addingGroupOrderToS(_ signature: [UInt8]) -> [UInt8] {
    var out = signature
    var carry = 0
    for i in 0..<32 {
        let sum = Int(out[32 + i]) + Int(groupOrderL[i]) + carry
        out[32 + i] = UInt8(sum & 0xff)
        carry = sum >> 8
    }
    return out
}

@Suite("Ed25519 (RFC 8032)")
struct Ed25519Tests {
    static let vectors: [Ed25519Vector] = VectorFile.list("ed25519")

    @Test func vectorFileHasAllFiveTests() { #expect(Self.vectors.map(\.name) == ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"]) }

    @Test("RFC 8032 7.1", arguments: vectors)
    func seedGivesPublishedKeyAndSignature(vector: Ed25519Vector) throws {
        let key = try PrivateKey(seed: hex(vector.secretKey))
        let message = try hex(vector.message)
        #expect(HexCoding.encode(key.publicKey.bytes) == vector.publicKey)
        #expect(HexCoding.encode(try key.signature(for: message).bytes) == vector.signature)
    }

    @Test("RFC 8032 7.1 verify", arguments: vectors)
    func publishedSignatureVerifiesAndAlteredOnesDoNot(vector: Ed25519Vector) throws {
        let publicKey = try PublicKey(bytes: hex(vector.publicKey))
        let message = try hex(vector.message)
        let signature = try Signature(bytes: hex(vector.signature))
        #expect(publicKey.isValidSignature(signature, for: message))
        var flipped = signature.bytes
        flipped[0] ^= 0x01
        #expect(!publicKey.isValidSignature(try Signature(bytes: flipped), for: message))
        #expect(!publicKey.isValidSignature(signature, for: message + [0]))
    }

    @Test("S + L is rejected (non-canonical S)", arguments: vectors)
    func signatureWithGroupOrderAddedToSIsRejected(vector: Ed25519Vector) throws {
        let publicKey = try PublicKey(bytes: hex(vector.publicKey))
        let malleated = try Signature(bytes: addingGroupOrderToS(hex(vector.signature)))
        #expect(malleated.bytes[32...] != (try hex(vector.signature))[32...])
        #expect(!publicKey.isValidSignature(malleated, for: try hex(vector.message)))
    }

    @Test(arguments: [0, 31, 33, 64])
    func wrongLengthPublicKeyIsATypedError(count: Int) {
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: count)) {
            try Ed25519.verify(signature: [UInt8](repeating: 0, count: 64), message: [UInt8](),
                               publicKey: [UInt8](repeating: 1, count: count))
        }
    }

    @Test(arguments: [0, 31, 33, 64])
    func wrongLengthSeedIsATypedError(count: Int) {
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: count)) {
            try PrivateKey(seed: [UInt8](repeating: 1, count: count))
        }
    }

    @Test(arguments: [0, 63, 65])
    func wrongLengthSignatureIsATypedError(count: Int) {
        #expect(throws: CryptoError.invalidSignatureLength(actual: count)) {
            try Signature(bytes: [UInt8](repeating: 0, count: count))
        }
    }

    @Test(arguments: [[UInt8](repeating: 0xff, count: 32), [2] + [UInt8](repeating: 0, count: 31)])
    func arbitraryKeyBytesVerifyNothingTheyDidNotSign(keyBytes: [UInt8]) throws {
        let signature = try PrivateKey.generate().signature(for: [1, 2, 3])
        #expect(!(try PublicKey(bytes: keyBytes)).isValidSignature(signature, for: [1, 2, 3]))
    }

    @Test func seededGenerationIsReproducible() throws {
        var first = SeededRandom(seed: 42), second = SeededRandom(seed: 42)
        let a = try PrivateKey.generate(using: &first), b = try PrivateKey.generate(using: &second)
        #expect(a.publicKey == b.publicKey)
        let c = try PrivateKey.generate(using: &first)
        #expect(a.publicKey != c.publicKey)
    }

    @Test func oneKeySignsAndVerifiesRepeatedlyAndConcurrently() async throws {
        let key = try PrivateKey.generate()
        await withTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    (0..<50).allSatisfy { j in
                        let message = [UInt8(i), UInt8(j)]
                        guard let signature = try? key.signature(for: message) else { return false }
                        return key.publicKey.isValidSignature(signature, for: message)
                            && !key.publicKey.isValidSignature(signature, for: message + [1])
                    }
                }
            }
            for await allGood in group { #expect(allGood) }
        }
    }

    @Test func seedIsZeroedWhenTheLastCopyIsReleased() throws {
        final class Observed: Sendable { let bytes = Mutex<[UInt8]?>(nil) }
        let observed = Observed()
        let seed = [UInt8](repeating: 0xA5, count: 32)
        do {
            let key = try PrivateKey(seed: seed, onRelease: { buffer in observed.bytes.withLock { $0 = Array(buffer) } })
            let copy = key
            #expect(copy.withUnsafeSeedBytes { Array($0) } == seed)
            #expect(observed.bytes.withLock { $0 } == nil)
        }
        #expect(observed.bytes.withLock { $0 } == [UInt8](repeating: 0, count: 32))
    }
}

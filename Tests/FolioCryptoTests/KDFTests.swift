import Testing
@testable import FolioCrypto

struct HMACVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String, key: String, data: String, mac: String
    var testDescription: String { name }
}

struct HKDFVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String, ikm: String, salt: String, info: String, length: Int, prk: String, okm: String
    var testDescription: String { name }
}

struct ScryptVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String, password: String, salt: String, n: UInt64, r: UInt64, p: UInt64, length: Int, key: String
    var testDescription: String { name }
}

@Suite("HMAC-SHA256 (RFC 4231)")
struct HMACTests {
    static let vectors: [HMACVector] = VectorFile.list("hmac_sha256")

    @Test("RFC 4231", arguments: vectors)
    func macMatchesPublishedValue(vector: HMACVector) throws {
        let mac = try HMACSHA256.authenticationCode(for: hex(vector.data), key: hex(vector.key))
        // Case 5 publishes only the first 128 bits.
        let expected = try hex(vector.mac)
        #expect(Array(mac.prefix(expected.count)) == expected)
        #expect(try HMACSHA256.isValid(expected, for: hex(vector.data), key: hex(vector.key)))
        var wrong = expected
        wrong[0] ^= 1
        #expect(!(try HMACSHA256.isValid(wrong, for: hex(vector.data), key: hex(vector.key))))
    }

    @Test func emptyKeyAndMessageAreAccepted() throws {
        #expect(try HMACSHA256.authenticationCode(for: [UInt8](), key: [UInt8]()).count == 32)
    }
}

@Suite("HKDF-SHA256 (RFC 5869)")
struct HKDFTests {
    static let vectors: [HKDFVector] = VectorFile.list("hkdf_sha256")

    @Test("RFC 5869", arguments: vectors)
    func extractAndExpandMatchPublishedValues(vector: HKDFVector) throws {
        let prk = try HKDFSHA256.extract(inputKeyMaterial: hex(vector.ikm), salt: hex(vector.salt))
        #expect(HexCoding.encode(prk.copiedBytes) == vector.prk)
        let okm = try HKDFSHA256.expand(pseudoRandomKey: prk, info: hex(vector.info), outputByteCount: vector.length)
        #expect(HexCoding.encode(okm.copiedBytes) == vector.okm)
        let oneCall = try HKDFSHA256.deriveKey(inputKeyMaterial: hex(vector.ikm), salt: hex(vector.salt),
                                               info: hex(vector.info), outputByteCount: vector.length)
        #expect(HexCoding.encode(oneCall.copiedBytes) == vector.okm)
    }

    @Test(arguments: [0, -1, 255 * 32 + 1])
    func outputLengthOutOfRangeIsATypedError(count: Int) {
        #expect(throws: CryptoError.self) {
            try HKDFSHA256.deriveKey(inputKeyMaterial: [1], salt: [UInt8](), info: [UInt8](), outputByteCount: count)
        }
    }
}

@Suite("scrypt (RFC 7914)")
struct ScryptTests {
    static let vectors: [ScryptVector] = VectorFile.list("scrypt")

    @Test("RFC 7914 12", arguments: vectors)
    func derivedKeyMatchesPublishedValue(vector: ScryptVector) throws {
        let key = try Scrypt.deriveKey(password: Array(vector.password.utf8), salt: Array(vector.salt.utf8),
                                       parameters: .init(n: vector.n, r: vector.r, p: vector.p),
                                       outputByteCount: vector.length)
        #expect(HexCoding.encode(key.copiedBytes) == vector.key)
    }

    @Test(arguments: [(0, 1, 1), (1, 1, 1), (1000, 1, 1), (16, 0, 1), (16, 1, 0), (16, 1 << 15, 1 << 15)] as [(UInt64, UInt64, UInt64)])
    func invalidParametersAreTypedErrors(n: UInt64, r: UInt64, p: UInt64) {
        #expect(throws: CryptoError.self) { try Scrypt.Parameters(n: n, r: r, p: p) }
    }

    @Test func parametersOverTheMemoryLimitAreRefused() throws {
        let costly = try Scrypt.Parameters(n: 1 << 20, r: 8, p: 1)
        #expect(throws: CryptoError.self) {
            try Scrypt.deriveKey(password: [1], salt: [2], parameters: costly, outputByteCount: 32, memoryLimit: 64 << 20)
        }
    }
}

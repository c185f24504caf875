import Testing
@testable import FolioCrypto

struct SHA256Vector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let ascii: String?
    let hex: String?
    let `repeat`: Int?
    let digest: String
    var testDescription: String { name }

    func message() throws -> [UInt8] {
        if let ascii { return Array(String(repeating: ascii, count: self.repeat ?? 1).utf8) }
        return try FolioCryptoTests.hex(hex ?? "")
    }
}

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    static let vectors: [SHA256Vector] = VectorFile.list("sha256")

    @Test("NIST vector", arguments: vectors)
    func oneShotMatchesPublishedDigest(vector: SHA256Vector) throws {
        #expect(SHA256.hash(try vector.message()).hex == vector.digest)
    }

    @Test("NIST vector fed in random chunks", arguments: vectors)
    func streamingInRandomChunksMatchesOneShot(vector: SHA256Vector) throws {
        let message = try vector.message()
        var random = SeededRandom(seed: UInt64(message.count))
        var hasher = SHA256.Hasher()
        var offset = 0
        while offset < message.count {
            let step = Int.random(in: 0...min(200, message.count - offset), using: &random)
            hasher.update(message[offset..<(offset + step)])
            offset += step
        }
        #expect(hasher.finalize().hex == vector.digest)
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256.Hasher()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(hasher.finalize() == SHA256.hash(Array("abc".utf8)))
    }

    @Test func doubleHashIsHashOfHash() {
        let data = Array("hello".utf8)
        #expect(SHA256.doubleHash(data) == SHA256.hash(SHA256.hash(data).bytes))
        // Bitcoin's well-known SHA256d("hello") pins the composition to an outside value.
        #expect(SHA256.doubleHash(data).hex == "9595c9df90075148eb06860365df33584b75bff782a510c6cd4883a419833d50")
    }

    @Test func midstateDoubleHashEqualsPlainDoubleHashForRandomHeaders() throws {
        var random = SeededRandom(seed: 80)
        for _ in 0..<500 {
            var header = try random.bytes(count: 80)
            let midstate = try SHA256.Midstate(prefix: header[..<64])
            #expect(try midstate.doubleHash(tail: header[64...]) == SHA256.doubleHash(header))
            header[79] &+= 1
            #expect(try midstate.doubleHash(tail: header[64...]) == SHA256.doubleHash(header))
        }
    }

    @Test(arguments: [0, 63, 65, 80])
    func midstateRejectsPrefixOfWrongLength(count: Int) {
        #expect(throws: CryptoError.self) { try SHA256.Midstate(prefix: [UInt8](repeating: 1, count: count)) }
    }

    @Test(arguments: [0, 15, 17, 64])
    func midstateRejectsTailOfWrongLength(count: Int) throws {
        let midstate = try SHA256.Midstate(prefix: [UInt8](repeating: 1, count: 64))
        #expect(throws: CryptoError.self) { try midstate.doubleHash(tail: [UInt8](repeating: 2, count: count)) }
    }
}

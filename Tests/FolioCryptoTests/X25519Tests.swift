import Testing
@testable import FolioCrypto

struct X25519File: Decodable {
    struct Multiplication: Decodable, Sendable, CustomTestStringConvertible {
        let name: String, scalar: String, u: String, output: String
        var testDescription: String { name }
    }
    struct Iterated: Decodable, Sendable, CustomTestStringConvertible {
        let name: String, iterations: Int, output: String
        var testDescription: String { name }
    }
    struct DiffieHellman: Decodable, Sendable {
        let alicePrivate: String, alicePublic: String, bobPrivate: String, bobPublic: String, shared: String
    }
    let scalarMultiplication: [Multiplication]
    let iterated: [Iterated]
    let diffieHellman: DiffieHellman
}

@Suite("X25519 (RFC 7748)")
struct X25519Tests {
    static let file: X25519File? = try? VectorFile.load("x25519")

    @Test func vectorFileIsPresent() throws { #expect(try #require(Self.file).scalarMultiplication.count == 2) }

    @Test("RFC 7748 5.2", arguments: file?.scalarMultiplication ?? [])
    func scalarTimesPointGivesPublishedOutput(vector: X25519File.Multiplication) throws {
        let key = try X25519.PrivateKey(bytes: hex(vector.scalar))
        let secret = try key.sharedSecret(with: X25519.PublicKey(bytes: hex(vector.u)))
        #expect(HexCoding.encode(secret.copiedBytes) == vector.output)
    }

    @Test("RFC 7748 5.2 iterated", arguments: file?.iterated ?? [])
    func iteratedLadderGivesPublishedOutput(vector: X25519File.Iterated) throws {
        var k: [UInt8] = [9] + [UInt8](repeating: 0, count: 31)
        var u = k
        for _ in 0..<vector.iterations {
            let result = try X25519.PrivateKey(bytes: k).sharedSecret(with: X25519.PublicKey(bytes: u)).copiedBytes
            u = k
            k = result
        }
        #expect(HexCoding.encode(k) == vector.output)
    }

    @Test("RFC 7748 6.1")
    func aliceAndBobAgreeOnThePublishedSecret() throws {
        let dh = try #require(Self.file).diffieHellman
        let alice = try X25519.PrivateKey(bytes: hex(dh.alicePrivate))
        let bob = try X25519.PrivateKey(bytes: hex(dh.bobPrivate))
        #expect(HexCoding.encode(alice.publicKey.bytes) == dh.alicePublic)
        #expect(HexCoding.encode(bob.publicKey.bytes) == dh.bobPublic)
        #expect(HexCoding.encode(try alice.sharedSecret(with: bob.publicKey).copiedBytes) == dh.shared)
        #expect(HexCoding.encode(try bob.sharedSecret(with: alice.publicKey).copiedBytes) == dh.shared)
    }

    @Test func lowOrderPeerPointIsRejected() throws {
        let key = try X25519.PrivateKey.generate()
        let zero = try X25519.PublicKey(bytes: [UInt8](repeating: 0, count: 32))
        #expect(throws: CryptoError.self) { try key.sharedSecret(with: zero) }
    }

    @Test(arguments: [0, 31, 33])
    func wrongLengthKeysAreTypedErrors(count: Int) {
        let bytes = [UInt8](repeating: 1, count: count)
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: count)) { try X25519.PublicKey(bytes: bytes) }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: count)) { try X25519.PrivateKey(bytes: bytes) }
    }

    @Test func seededKeysAgree() throws {
        var random = SeededRandom(seed: 7)
        let a = try X25519.PrivateKey.generate(using: &random), b = try X25519.PrivateKey.generate(using: &random)
        #expect(try a.sharedSecret(with: b.publicKey).copiedBytes == b.sharedSecret(with: a.publicKey).copiedBytes)
    }
}

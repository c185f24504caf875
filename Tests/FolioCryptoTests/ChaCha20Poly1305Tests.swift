import Testing
@testable import FolioCrypto

struct AEADVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String, key: String, nonce: String, aad: String, plaintext: String, ciphertext: String, tag: String
    var testDescription: String { name }
}

/// Which part of a sealed message a tampering test alters.
enum AEADPart: String, CaseIterable, Sendable { case tag, ciphertext, aad, nonce }

@Suite("ChaCha20-Poly1305 (RFC 8439)")
struct ChaCha20Poly1305Tests {
    static let vectors: [AEADVector] = VectorFile.list("chacha20poly1305")

    @Test("RFC 8439 seal", arguments: vectors)
    func sealGivesPublishedCiphertextAndTag(vector: AEADVector) throws {
        let box = try ChaCha20Poly1305.seal(hex(vector.plaintext), key: hex(vector.key), nonce: hex(vector.nonce),
                                            authenticating: hex(vector.aad))
        #expect(HexCoding.encode(box.ciphertext) == vector.ciphertext)
        #expect(HexCoding.encode(box.tag) == vector.tag)
    }

    @Test("RFC 8439 open", arguments: vectors)
    func openGivesPublishedPlaintext(vector: AEADVector) throws {
        let box = try ChaCha20Poly1305.SealedBox(ciphertext: hex(vector.ciphertext), tag: hex(vector.tag))
        let plaintext = try ChaCha20Poly1305.open(box, key: hex(vector.key), nonce: hex(vector.nonce),
                                                  authenticating: hex(vector.aad))
        #expect(HexCoding.encode(plaintext) == vector.plaintext)
    }

    @Test("tampering is rejected", arguments: vectors, AEADPart.allCases)
    func tamperedMessageFailsAuthentication(vector: AEADVector, part: AEADPart) throws {
        var ciphertext = try hex(vector.ciphertext), tag = try hex(vector.tag)
        var aad = try hex(vector.aad), nonce = try hex(vector.nonce)
        switch part {
        case .tag: tag[15] ^= 0x80
        case .ciphertext: ciphertext[ciphertext.count / 2] ^= 0x01
        case .aad: aad[0] ^= 0x01
        case .nonce: nonce[11] ^= 0x01
        }
        let box = try ChaCha20Poly1305.SealedBox(ciphertext: ciphertext, tag: tag)
        #expect(throws: CryptoError.authenticationFailed) {
            try ChaCha20Poly1305.open(box, key: hex(vector.key), nonce: nonce, authenticating: aad)
        }
    }

    @Test func emptyPlaintextAndAADRoundTrip() throws {
        let key = [UInt8](repeating: 3, count: 32), nonce = [UInt8](repeating: 4, count: 12)
        let box = try ChaCha20Poly1305.seal([UInt8](), key: key, nonce: nonce, authenticating: [UInt8]())
        #expect(box.ciphertext.isEmpty && box.tag.count == 16)
        #expect(try ChaCha20Poly1305.open(box, key: key, nonce: nonce, authenticating: [UInt8]()).isEmpty)
    }

    @Test func badKeyNonceAndTagLengthsAreTypedErrors() {
        let key = [UInt8](repeating: 3, count: 32), nonce = [UInt8](repeating: 4, count: 12)
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 31)) {
            try ChaCha20Poly1305.seal([1], key: Array(key.dropLast()), nonce: nonce, authenticating: [UInt8]())
        }
        #expect(throws: CryptoError.self) {
            try ChaCha20Poly1305.seal([1], key: key, nonce: nonce + [0], authenticating: [UInt8]())
        }
        #expect(throws: CryptoError.self) { try ChaCha20Poly1305.SealedBox(ciphertext: [1], tag: [1, 2, 3]) }
    }
}

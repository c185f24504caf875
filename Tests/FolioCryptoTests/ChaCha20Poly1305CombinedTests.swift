import Testing
@testable import FolioCrypto

/// `sealCombined` / `openCombined`: the transport's layout (ciphertext then tag in one array),
/// checked against RFC 8439's published vectors, not against the boxed API's output.
@Suite struct ChaCha20Poly1305CombinedTests {
    @Test(arguments: ChaCha20Poly1305Tests.vectors)
    func sealCombinedGivesThePublishedCiphertextThenTag(vector: AEADVector) throws {
        let sealed = try ChaCha20Poly1305.sealCombined(hex(vector.plaintext), key: hex(vector.key), nonce: hex(vector.nonce),
                                                       authenticating: hex(vector.aad))
        #expect(HexCoding.encode(sealed) == vector.ciphertext + vector.tag)
    }

    @Test(arguments: ChaCha20Poly1305Tests.vectors)
    func openCombinedGivesThePublishedPlaintextAndRefusesAnyFlippedBit(vector: AEADVector) throws {
        let sealed = try hex(vector.ciphertext + vector.tag)
        let key = try hex(vector.key), nonce = try hex(vector.nonce), aad = try hex(vector.aad)
        #expect(HexCoding.encode(try ChaCha20Poly1305.openCombined(sealed, key: key, nonce: nonce, authenticating: aad))
                == vector.plaintext)
        for index in [0, sealed.count / 2, sealed.count - 16, sealed.count - 1] {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailed) {
                try ChaCha20Poly1305.openCombined(tampered, key: key, nonce: nonce, authenticating: aad)
            }
        }
    }

    @Test func inputShorterThanATagAndAnEmptyMessageAreHandled() throws {
        let key = [UInt8](repeating: 3, count: 32), nonce = [UInt8](repeating: 4, count: 12)
        #expect(throws: CryptoError.authenticationFailed) {
            try ChaCha20Poly1305.openCombined([UInt8](repeating: 0, count: 15), key: key, nonce: nonce, authenticating: [UInt8]())
        }
        let sealed = try ChaCha20Poly1305.sealCombined([UInt8](), key: key, nonce: nonce, authenticating: [9])
        #expect(sealed.count == 16)
        #expect(try ChaCha20Poly1305.openCombined(sealed, key: key, nonce: nonce, authenticating: [9]).isEmpty)
        #expect(throws: CryptoError.authenticationFailed) {
            try ChaCha20Poly1305.openCombined(sealed, key: key, nonce: nonce, authenticating: [8])
        }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 31)) {
            try ChaCha20Poly1305.sealCombined([1], key: Array(key.dropLast()), nonce: nonce, authenticating: [UInt8]())
        }
    }
}

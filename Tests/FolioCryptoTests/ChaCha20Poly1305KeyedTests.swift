import Testing
@testable import FolioCrypto

/// `ChaCha20Poly1305.KeyedCipher`: a key set up once and reused with a fresh nonce per message.
/// Checked against RFC 8439's published vectors, and for the state a reused libcrypto context
/// could carry over: a failed open, then more messages, must change nothing.
@Suite struct ChaCha20Poly1305KeyedTests {
    @Test(arguments: ChaCha20Poly1305Tests.vectors)
    func sealGivesThePublishedCiphertextThenTagTwiceOver(vector: AEADVector) throws {
        let cipher = try ChaCha20Poly1305.KeyedCipher(key: hex(vector.key))
        // Twice on one context: the second run must not inherit the first one's state.
        for _ in 0..<2 {
            let sealed = try cipher.sealCombined(hex(vector.plaintext), nonce: hex(vector.nonce), authenticating: hex(vector.aad))
            #expect(HexCoding.encode(sealed) == vector.ciphertext + vector.tag)
        }
    }

    @Test(arguments: ChaCha20Poly1305Tests.vectors)
    func openGivesThePublishedPlaintextAfterRefusingAFlippedBit(vector: AEADVector) throws {
        let cipher = try ChaCha20Poly1305.KeyedCipher(key: hex(vector.key))
        let sealed = try hex(vector.ciphertext + vector.tag)
        let nonce = try hex(vector.nonce), aad = try hex(vector.aad)
        for index in [0, sealed.count / 2, sealed.count - 16, sealed.count - 1] {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailed) {
                try cipher.openCombined(tampered, nonce: nonce, authenticating: aad)
            }
            // The refusal leaves the kept key as it was.
            #expect(HexCoding.encode(try cipher.openCombined(sealed, nonce: nonce, authenticating: aad)) == vector.plaintext)
        }
    }

    @Test func aStreamOfNoncesMatchesOneShotSealing() throws {
        let key = (0..<32).map { UInt8($0 &* 7 &+ 1) }
        let sealing = try ChaCha20Poly1305.KeyedCipher(key: key)
        let opening = try ChaCha20Poly1305.KeyedCipher(key: key)
        for counter in 0..<40 {
            var nonce = [UInt8](repeating: 0, count: 12)
            nonce[0] = UInt8(counter)
            let message = (0..<(counter * 97)).map { UInt8(truncatingIfNeeded: $0 &+ counter) }
            let aad = [UInt8(counter), 0xf0]
            let sealed = try sealing.sealCombined(message, nonce: nonce, authenticating: aad)
            #expect(sealed == (try ChaCha20Poly1305.sealCombined(message, key: key, nonce: nonce, authenticating: aad)))
            #expect(try opening.openCombined(sealed, nonce: nonce, authenticating: aad) == message)
            // Another message's nonce is refused.
            var wrong = nonce
            wrong[1] = 1
            #expect(throws: CryptoError.authenticationFailed) { try opening.openCombined(sealed, nonce: wrong, authenticating: aad) }
        }
    }

    @Test func badSizesAreRefused() throws {
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 16)) {
            try ChaCha20Poly1305.KeyedCipher(key: [UInt8](repeating: 1, count: 16))
        }
        let cipher = try ChaCha20Poly1305.KeyedCipher(key: [UInt8](repeating: 1, count: 32))
        #expect(throws: CryptoError.invalidParameter("nonce must be 12 bytes, got 8")) {
            try cipher.sealCombined([1, 2], nonce: [UInt8](repeating: 0, count: 8), authenticating: [UInt8]())
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try cipher.openCombined([UInt8](repeating: 0, count: 15), nonce: [UInt8](repeating: 0, count: 12), authenticating: [UInt8]())
        }
    }
}

import FolioCore
import FolioCrypto
import FolioPeer

/// The peer session's cryptography over FolioCrypto (OpenSSL): X25519, HKDF-SHA-256,
/// ChaCha20-Poly1305 and Ed25519. FolioPeer defines the protocol because the layer table
/// keeps it from importing FolioCrypto; the node supplies this implementation.
package struct FolioPeerCrypto: PeerCryptoProvider {
    private let identityKey: PrivateKey

    /// A provider that proves `identityKey` in every handshake.
    package init(identityKey: PrivateKey) { self.identityKey = identityKey }

    /// The identity's public key.
    package var identity: PublicKey { identityKey.publicKey }

    /// A fresh X25519 secret from the system random source.
    package func newKeyAgreementSecret() throws(PeerCryptoError) -> any KeyAgreementSecret {
        do { return X25519Secret(key: try X25519.PrivateKey.generate()) } catch {
            throw .primitiveFailed("X25519 key generation: \(error)")
        }
    }

    /// Signs with the identity key.
    package func sign(_ message: [UInt8]) throws(PeerCryptoError) -> Signature {
        do { return try identityKey.signature(for: message) } catch { throw .primitiveFailed("Ed25519 sign: \(error)") }
    }

    /// Verifies an Ed25519 signature.
    package func isValidSignature(_ signature: Signature, of message: [UInt8], by key: PublicKey) -> Bool {
        key.isValidSignature(signature, for: message)
    }

    /// HKDF-SHA-256.
    package func deriveKey(inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], byteCount: Int) throws(PeerCryptoError) -> [UInt8] {
        do {
            let key = try HKDFSHA256.deriveKey(inputKeyMaterial: inputKeyMaterial, salt: salt, info: info, outputByteCount: byteCount)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .primitiveFailed("HKDF: \(error)")
        }
    }

    /// ChaCha20-Poly1305 seal; ciphertext then tag.
    package func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        do {
            return try ChaCha20Poly1305.sealCombined(plaintext, key: key, nonce: nonce, authenticating: associatedData)
        } catch {
            throw .primitiveFailed("ChaCha20-Poly1305 seal: \(error)")
        }
    }

    /// ChaCha20-Poly1305 open of ciphertext then tag.
    package func open(_ sealed: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        do {
            return try ChaCha20Poly1305.openCombined(sealed, key: key, nonce: nonce, authenticating: associatedData)
        } catch {
            throw .authenticationFailed
        }
    }

    /// The key set up once in libcrypto for the direction's frames; per-message if libcrypto
    /// cannot make a context (the key is checked to be 32 bytes either way, on first use).
    package func frameCipher(key: [UInt8]) -> any FrameAEAD {
        guard let keyed = try? ChaCha20Poly1305.KeyedCipher(key: key) else { return PerMessageFrameAEAD(crypto: self, key: key) }
        return KeyedFrameAEAD(cipher: keyed)
    }
}

/// A session direction's frames through `ChaCha20Poly1305.KeyedCipher`.
private struct KeyedFrameAEAD: FrameAEAD {
    let cipher: ChaCha20Poly1305.KeyedCipher

    func seal(_ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        do {
            return try cipher.sealCombined(plaintext, nonce: nonce, authenticating: associatedData)
        } catch {
            throw .primitiveFailed("ChaCha20-Poly1305 seal: \(error)")
        }
    }

    func open(_ sealed: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        do {
            return try cipher.openCombined(sealed, nonce: nonce, authenticating: associatedData)
        } catch {
            throw .authenticationFailed
        }
    }
}

/// An X25519 private key as a handshake secret.
private struct X25519Secret: KeyAgreementSecret {
    let key: X25519.PrivateKey

    var publicKeyBytes: [UInt8] { key.publicKey.bytes }

    func sharedSecret(withPeerKey peerKey: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        do {
            let secret = try key.sharedSecret(with: try X25519.PublicKey(bytes: peerKey))
            return secret.withUnsafeBytes { Array($0) }
        } catch {
            throw .keyAgreementFailed("\(error)")
        }
    }
}

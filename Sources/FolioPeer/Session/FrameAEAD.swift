/// ChaCha20-Poly1305 under one direction's session key, for all of that direction's frames.
///
/// A provider may set the key up once (FolioNode's does, in libcrypto) so each frame costs only
/// its nonce; the default seals and opens through the provider per message.
package protocol FrameAEAD: Sendable {
    /// The ciphertext followed by its 16-byte tag.
    func seal(_ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8]
    /// Checks the trailing tag and returns the plaintext, or throws `authenticationFailed`.
    func open(_ sealed: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8]
}

/// A direction's key handed to the provider's one-shot `seal`/`open` on every frame.
package struct PerMessageFrameAEAD: FrameAEAD {
    let crypto: any PeerCryptoProvider
    let key: [UInt8]

    /// `key` through `crypto`'s one-shot calls.
    package init(crypto: any PeerCryptoProvider, key: [UInt8]) {
        self.crypto = crypto
        self.key = key
    }

    package func seal(_ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        try crypto.seal(plaintext, key: key, nonce: nonce, associatedData: associatedData)
    }

    package func open(_ sealed: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        try crypto.open(sealed, key: key, nonce: nonce, associatedData: associatedData)
    }
}

extension PeerCryptoProvider {
    /// The per-message default: every frame goes through `seal`/`open` with the key.
    package func frameCipher(key: [UInt8]) -> any FrameAEAD { PerMessageFrameAEAD(crypto: self, key: key) }
}

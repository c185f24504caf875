import FolioCore
import FolioPeer

/// A peer's crypto that signs every handshake over bytes other than the transcript, as a peer
/// without the identity key would; everything else is `inner`'s.
package struct WrongSigner: PeerCryptoProvider {
    let inner: any PeerCryptoProvider

    /// Wraps `inner`, forging only its signatures.
    package init(inner: any PeerCryptoProvider) { self.inner = inner }

    package var identity: PublicKey { inner.identity }
    package func newKeyAgreementSecret() throws(PeerCryptoError) -> any KeyAgreementSecret { try inner.newKeyAgreementSecret() }
    package func sign(_ message: [UInt8]) throws(PeerCryptoError) -> Signature { try inner.sign(message + [0]) }
    package func isValidSignature(_ signature: Signature, of message: [UInt8], by key: PublicKey) -> Bool {
        inner.isValidSignature(signature, of: message, by: key)
    }
    package func deriveKey(inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], byteCount: Int) throws(PeerCryptoError) -> [UInt8] {
        try inner.deriveKey(inputKeyMaterial: inputKeyMaterial, salt: salt, info: info, byteCount: byteCount)
    }
    package func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        try inner.seal(plaintext, key: key, nonce: nonce, associatedData: associatedData)
    }
    package func open(_ sealed: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8] {
        try inner.open(sealed, key: key, nonce: nonce, associatedData: associatedData)
    }
}

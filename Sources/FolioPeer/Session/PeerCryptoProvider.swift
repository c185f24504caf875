import FolioCore

/// Why a cryptographic step of the peer session failed.
package enum PeerCryptoError: Error, Equatable, Sendable {
    /// Key agreement failed (for example, the peer sent a low-order point).
    case keyAgreementFailed(String)
    /// A sealed frame failed authentication: altered, replayed, reordered or from another key.
    case authenticationFailed
    /// A primitive refused its input (named in the message).
    case primitiveFailed(String)
}

/// One side's ephemeral X25519 secret for a single handshake.
package protocol KeyAgreementSecret: Sendable {
    /// The 32-byte public key to send in `hello`.
    var publicKeyBytes: [UInt8] { get }
    /// The 32-byte shared secret with the peer's public key.
    func sharedSecret(withPeerKey peerKey: [UInt8]) throws(PeerCryptoError) -> [UInt8]
}

/// The cryptography the peer session needs, supplied from outside.
///
/// FolioPeer may import only FolioWire and FolioCore (the layer table), so it cannot call
/// FolioCrypto itself. The composition root (FolioNode's `FolioPeerCrypto`) implements this
/// protocol over FolioCrypto's X25519, HKDF-SHA-256, ChaCha20-Poly1305 and Ed25519; tests use
/// the same implementation through FolioTestSupport. The node's identity key never leaves the
/// provider: the session asks it to sign.
package protocol PeerCryptoProvider: Sendable {
    /// This node's long-term Ed25519 identity key.
    var identity: PublicKey { get }
    /// A fresh ephemeral X25519 secret.
    func newKeyAgreementSecret() throws(PeerCryptoError) -> any KeyAgreementSecret
    /// Ed25519 signature by the identity key over `message`.
    func sign(_ message: [UInt8]) throws(PeerCryptoError) -> Signature
    /// Whether `signature` is `key`'s Ed25519 signature over `message`.
    func isValidSignature(_ signature: Signature, of message: [UInt8], by key: PublicKey) -> Bool
    /// HKDF-SHA-256 (extract then expand) of `byteCount` bytes.
    func deriveKey(inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], byteCount: Int) throws(PeerCryptoError) -> [UInt8]
    /// ChaCha20-Poly1305: the ciphertext followed by its 16-byte tag.
    func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8]
    /// Checks the trailing tag and returns the plaintext, or throws `authenticationFailed`.
    func open(_ sealed: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws(PeerCryptoError) -> [UInt8]
    /// ChaCha20-Poly1305 under `key` for one direction's frames (a default runs `seal`/`open`
    /// per frame).
    func frameCipher(key: [UInt8]) -> any FrameAEAD
}

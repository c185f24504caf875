import FolioCore

/// FolioWire owns the peer-to-peer message types and their byte encoding, with size limits.
/// It has no behaviour: what to do with a message lives in FolioPeer, and how bytes move lives
/// in FolioNetwork.
///
/// Every count and length read from a peer is checked against one of these caps before
/// anything is allocated for it.
public enum WireLimits {
    /// Hard cap on a frame's plaintext payload, checked before anything is allocated: 4 MiB.
    public static let maxPayloadBytes = 4 * 1024 * 1024
    /// Bytes an encrypted frame adds to its payload: the 16-byte ChaCha20-Poly1305 tag.
    public static let sealOverheadBytes = 16
    /// The largest length field a frame header may carry: a full payload plus its tag.
    public static let maxFrameLength = maxPayloadBytes + sealOverheadBytes
    /// Items in one `inv`, `getdata` or `notfound` message.
    public static let inventoryItems = 50_000
    /// Addresses in one `addr` message.
    public static let addresses = 1_000
    /// Headers in one `headers` message.
    public static let headers = 2_000
    /// Hashes in a block locator (enough for a chain of 2^60 blocks with exponential spacing).
    public static let locatorHashes = 64
    /// Bytes of UTF-8 in a user agent.
    public static let userAgentBytes = 256
    /// Bytes of UTF-8 in a disconnect message's detail.
    public static let disconnectDetailBytes = 256
    /// Bytes of an X25519 public key in a `hello`.
    public static let keyAgreementKeyBytes = 32
}

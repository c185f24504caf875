import FolioCore
import FolioWire

/// FolioPeer owns the I/O-free peer protocol: the encrypted handshake and version exchange,
/// header-first sync, relay, the address book and misbehaviour scores. It never touches a
/// socket, a clock or a key: bytes arrive as `Frame`s, time as milliseconds in each event,
/// cryptography through `PeerCryptoProvider`, and the chain through `ChainBackend`.
public enum PeerProtocol {
    /// Protocol version this build speaks.
    public static let version: UInt32 = 1
    /// Oldest protocol version this build accepts from a peer.
    public static let minimumVersion: UInt32 = 1
}

import FolioCore
import FolioWire

/// FolioPeer owns the I/O-free peer protocol: handshake, sync and relay state machines, the
/// address book and misbehaviour scores. It never touches a socket. (Built by the P2P issue.)
public enum PeerProtocol {
    /// Protocol version this build speaks.
    public static let version: UInt32 = 1
}

import FolioPeer
import FolioWire

/// FolioNetwork is the SwiftNIO edge: listener, dialer, frame decoder and encrypted session.
/// It carries bytes; FolioPeer decides what they mean. (Built by the P2P issue.)
public enum NetworkDefaults {
    /// Default TCP port for peer-to-peer connections.
    public static let p2pPort = 9333
}

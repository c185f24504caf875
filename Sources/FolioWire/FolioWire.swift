import FolioCore

/// FolioWire owns the peer-to-peer message types and their byte encoding, with size limits.
/// It has no behaviour: what to do with a message lives in FolioPeer. (Built by the P2P issue.)
public enum WireLimits {
    /// Hard cap on a frame's payload, checked before anything is allocated: 4 MiB.
    public static let maxPayloadBytes = 4 * 1024 * 1024
}

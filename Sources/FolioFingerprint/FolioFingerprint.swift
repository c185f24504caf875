import FolioCore

/// FolioFingerprint owns feature extraction, the integer-exact LSTM encoder, the model file and
/// Hamming similarity. It knows nothing of the chain. (Built by the fingerprint issue.)
public enum Fingerprint {
    /// Number of bits in a work fingerprint.
    public static let bitCount = 256
}

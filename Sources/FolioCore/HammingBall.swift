/// Counting the values near a value in a space of fixed-width bit strings; the fingerprint
/// index (FolioFingerprint in memory, FolioStore in SQLite) sizes its chunk probes with it.
public enum HammingBall {
    /// How many `bits`-bit values lie within Hamming distance `radius` of any one value:
    /// Σ C(bits, k) for k from 0 to `radius` (a negative radius counts the value alone,
    /// a radius past `bits` counts them all). For 16 bits: 1, 17, 137, 697, … 65,536.
    public static func size(bits: Int, radius: Int) -> Int {
        let width = max(bits, 0)
        var total = 0, binomial = 1
        for k in 0...min(max(radius, 0), width) {
            total += binomial
            binomial = binomial * (width - k) / (k + 1)
        }
        return total
    }
}

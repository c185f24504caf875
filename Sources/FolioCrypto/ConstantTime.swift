import COpenSSL

/// Comparisons whose running time does not depend on the contents compared.
public enum ConstantTime {
    /// `true` when `a` and `b` hold the same bytes.
    ///
    /// Lengths are not secret: different lengths return `false` at once. For equal lengths
    /// the time depends only on the length (`CRYPTO_memcmp`), never on where a byte differs,
    /// so tags and MACs can be checked without leaking how much of a guess was right.
    public static func equals<A: ContiguousBytes, B: ContiguousBytes>(_ a: A, _ b: B) -> Bool {
        a.withUnsafeBytes { lhs in
            b.withUnsafeBytes { rhs in
                guard lhs.count == rhs.count else { return false }
                guard let l = lhs.baseAddress, let r = rhs.baseAddress else { return true }
                return CRYPTO_memcmp(l, r, lhs.count) == 0
            }
        }
    }
}

/// Bits set across several 64-bit words, summed in shared steps.
///
/// Builds target baseline x86-64, which has no POPCNT instruction, so each `nonzeroBitCount`
/// compiles to a dozen shifts, masks and a multiply. Verifying a candidate takes the count of
/// three or four words; doing the early steps per word and the last ones once for the sum
/// takes about 29 operations for three words instead of 38, and the similarity search does
/// it ~10⁵ times per query.
enum BitCount {
    private static let pairMask: UInt64 = 0x5555_5555_5555_5555
    private static let nibbleMask: UInt64 = 0x3333_3333_3333_3333
    private static let byteMask: UInt64 = 0x0F0F_0F0F_0F0F_0F0F
    private static let byteSum: UInt64 = 0x0101_0101_0101_0101

    /// Bits set in each 4-bit group of `x` (each group holds 0…4).
    @inline(__always)
    private static func nibbles(_ x: UInt64) -> UInt64 {
        let pairs = x &- ((x >> 1) & pairMask)
        return (pairs & nibbleMask) &+ ((pairs >> 2) & nibbleMask)
    }

    /// Per-byte counts (each ≤ 255 and their total ≤ 255) added up into one number.
    @inline(__always)
    private static func total(ofBytes bytes: UInt64) -> Int { Int(truncatingIfNeeded: (bytes &* byteSum) >> 56) }

    /// Bits set in `a`, `b` and `c` together.
    @inline(__always)
    static func of(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        let n = nibbles(a) &+ nibbles(b) &+ nibbles(c)  // each group ≤ 12
        return total(ofBytes: (n & byteMask) &+ ((n >> 4) & byteMask))  // each byte ≤ 24, total ≤ 192
    }

    /// Bits set in all four words together (0…256: summed as two halves, since one byte
    /// cannot hold 256).
    @inline(__always)
    static func of(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> Int {
        let low = nibbles(a) &+ nibbles(b), high = nibbles(c) &+ nibbles(d)
        return total(ofBytes: (low & byteMask) &+ ((low >> 4) & byteMask))
            + total(ofBytes: (high & byteMask) &+ ((high >> 4) & byteMask))
    }
}

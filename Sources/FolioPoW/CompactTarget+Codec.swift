import FolioConsensus
import FolioCore

extension CompactTarget {
    /// The target `bits` encodes, or `nil` if it is negative, zero or overflows 256 bits
    /// (exactly the values `isValid` refuses).
    public static func target(from bits: UInt32) -> UInt256? {
        guard isValid(bits) else { return nil }
        let exponent = Int(bits >> 24)
        let mantissa = UInt64(bits & 0x007f_ffff)
        if exponent <= 3 { return UInt256(mantissa >> UInt64(8 * (3 - exponent))) }
        return UInt256(mantissa) << (8 * (exponent - 3))
    }

    /// The compact form of `target`, rounding down to the 23-bit mantissa as Bitcoin's
    /// `GetCompact` does; a mantissa with its top bit set moves up one byte so the sign
    /// bit stays clear.
    public static func bits(for target: UInt256) -> UInt32 {
        var size = (target.bitWidth + 7) / 8
        var mantissa: UInt64
        if size <= 3 {
            mantissa = target.low64 << UInt64(8 * (3 - size))
        } else {
            mantissa = (target >> (8 * (size - 3))).low64
        }
        if mantissa & 0x0080_0000 != 0 {
            mantissa >>= 8
            size += 1
        }
        return UInt32(truncatingIfNeeded: mantissa) | UInt32(size) << 24
    }
}

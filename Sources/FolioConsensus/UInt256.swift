/// An unsigned 256-bit integer for targets and chain work, in four 64-bit limbs.
///
/// Only what consensus needs: comparison, addition, subtraction, multiplication by a word,
/// shifts and division. Arithmetic that could overflow reports it instead of trapping, so a
/// value derived from peer input can never crash the process.
public struct UInt256: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Limbs, least significant first.
    @usableFromInline var limbs: (UInt64, UInt64, UInt64, UInt64)

    /// Zero.
    public static let zero = UInt256(0)
    /// 2^256 − 1.
    public static let max = UInt256(limbs: (.max, .max, .max, .max))

    /// The value `value`.
    public init(_ value: UInt64) { limbs = (value, 0, 0, 0) }

    /// The value with the given limbs, least significant first.
    @usableFromInline init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    /// The value of 32 big-endian bytes (most significant first); `nil` for any other length.
    public init?(bigEndian bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            let limb = 3 - index / 8
            words[limb] = words[limb] << 8 | UInt64(byte)
        }
        limbs = (words[0], words[1], words[2], words[3])
    }

    /// The 32 bytes most significant first.
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for limb in (0..<4).reversed() {
            let word = self[limb]
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return out
    }

    /// The limb at `index` (0 least significant).
    @usableFromInline subscript(index: Int) -> UInt64 {
        get {
            switch index {
            case 0: return limbs.0
            case 1: return limbs.1
            case 2: return limbs.2
            default: return limbs.3
            }
        }
        set {
            switch index {
            case 0: limbs.0 = newValue
            case 1: limbs.1 = newValue
            case 2: limbs.2 = newValue
            default: limbs.3 = newValue
            }
        }
    }

    /// Whether the value is zero.
    public var isZero: Bool { limbs.0 | limbs.1 | limbs.2 | limbs.3 == 0 }

    /// Number of significant bits (0 for zero).
    public var bitWidth: Int {
        for limb in (0..<4).reversed() where self[limb] != 0 {
            return limb * 64 + (64 - self[limb].leadingZeroBitCount)
        }
        return 0
    }

    /// The low 64 bits.
    public var low64: UInt64 { limbs.0 }

    /// Numeric order.
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        for limb in (0..<4).reversed() where lhs[limb] != rhs[limb] { return lhs[limb] < rhs[limb] }
        return false
    }

    /// Limb-wise equality (tuples are not `Equatable`).
    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1 && lhs.limbs.2 == rhs.limbs.2 && lhs.limbs.3 == rhs.limbs.3
    }

    /// Hashes the limbs.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(limbs.0); hasher.combine(limbs.1); hasher.combine(limbs.2); hasher.combine(limbs.3)
    }

    /// 64 hexadecimal digits, most significant first.
    public var description: String {
        bigEndianBytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}

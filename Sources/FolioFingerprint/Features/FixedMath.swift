/// Integer replacements for the few transcendental functions feature extraction and inference
/// need. Each is computed with `Int64` arithmetic only (truncating shifts and divisions), so
/// every machine and every build gets the same table entries; no platform maths library is used.
enum FixedMath {
    /// 2π in Q30 (2π × 2^30 = 6746518852.27…).
    static let twoPiQ30: Int64 = 6_746_518_852

    /// sin(2π · k / n) in Q30, from a Taylor series on the first quadrant.
    static func sinQ30(_ k: Int, _ n: Int) -> Int64 {
        precondition(n > 0 && n % 4 == 0, "table sizes are multiples of 4")
        let k = ((k % n) + n) % n
        let quarter = n / 4
        let (offset, negative): (Int, Bool) = switch k / quarter {
        case 0: (k, false)
        case 1: (2 * quarter - k, false)
        case 2: (k - 2 * quarter, true)
        default: (n - k, true)
        }
        let theta = Int64(offset) * twoPiQ30 / Int64(n)  // ≤ π/2 in Q30
        let theta2 = (theta * theta) >> 30
        var term = theta
        var sum = theta
        var i: Int64 = 1
        while term != 0 {  // terms fall below one Q30 unit after about eight steps
            term = -((term * theta2) >> 30) / ((2 * i) * (2 * i + 1))
            sum += term
            i += 1
        }
        return negative ? -sum : sum
    }

    /// cos(2π · k / n) in Q30.
    static func cosQ30(_ k: Int, _ n: Int) -> Int64 { sinQ30(k + n / 4, n) }

    /// log2(x) in Q8 for x ≥ 1 (0 for x ≤ 1): the integer part from the highest set bit, eight
    /// fractional bits by repeated squaring of the Q30 mantissa (truncating, exact in integers).
    static func log2Q8(_ x: UInt64) -> Int {
        guard x > 1 else { return 0 }
        let exponent = 63 - x.leadingZeroBitCount
        var m = exponent >= 30 ? x >> UInt64(exponent - 30) : x << UInt64(30 - exponent)
        var fraction = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            m = (m * m) >> 30
            if m >= 1 << 31 {
                m >>= 1
                fraction |= 1 << bit
            }
        }
        return exponent << 8 | fraction
    }

    /// e^(−i/64) in Q30 for i in 0..<count, as e^(−⌊i/64⌋) · e^(−(i mod 64)/64) from two short
    /// tables built by rounded multiplication, so rounding never compounds over more than 64 steps.
    static func negativeExpTableQ30(count: Int) -> [Int64] {
        let one: Int64 = 1 << 30
        func product(_ a: Int64, _ b: Int64) -> Int64 { (a * b + (1 << 29)) >> 30 }
        /// e^(−1/d) in Q30 from its Taylor series.
        func expMinusReciprocal(_ d: Int64) -> Int64 {
            var term = one << 16, sum = one << 16, k: Int64 = 1
            while term != 0 {
                term = -term / (d * k)
                sum += term
                k += 1
            }
            return (sum + (1 << 15)) >> 16
        }
        let fine = sequence(first: one) { product($0, expMinusReciprocal(64)) }.prefix(64).map { $0 }
        let coarse = sequence(first: one) { product($0, expMinusReciprocal(1)) }.prefix(count / 64 + 1).map { $0 }
        return (0..<count).map { product(coarse[$0 / 64], fine[$0 % 64]) }
    }

    /// Division rounding to nearest, ties away from zero; `d` must be positive.
    @inline(__always)
    static func roundedDivide(_ n: Int64, _ d: Int64) -> Int64 {
        n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d)
    }

    /// Clamps to the Int16 range.
    @inline(__always)
    static func clampInt16(_ x: Int64) -> Int16 { Int16(max(-32768, min(32767, x))) }
}

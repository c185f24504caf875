/// Sigmoid and tanh as lookup tables over [−8, 8) in steps of 1/64, Q12 in and out, built from
/// `FixedMath`'s integer exponential, so inference needs no floating point.
enum ActivationTables {
    /// Entries per table: 16 units at 64 entries each.
    static let count = 1024
    /// Index of input 0.
    static let zero = 512

    static let sigmoid: [Int32] = {
        let e = FixedMath.negativeExpTableQ30(count: count + 1)
        // σ(x) = 1 / (1 + e^−x) for x = i/64 ≥ 0; σ(−x) = 1 − σ(x).
        let positive = (0...zero).map { i in Int32(((Int64(1) << 42) + (((1 << 30) + e[i]) >> 1)) / ((1 << 30) + e[i])) }
        return (0..<count).map { j in j >= zero ? positive[j - zero] : 4096 - positive[zero - j] }
    }()

    static let tanh: [Int32] = {
        let e = FixedMath.negativeExpTableQ30(count: 2 * zero + 1)
        // tanh(x) = (1 − e^−2x) / (1 + e^−2x) for x = i/64 ≥ 0; odd symmetry below zero.
        let positive = (0...zero).map { i -> Int32 in
            let d = e[2 * i]
            return Int32((((1 << 30) - d) << 12 + (((1 << 30) + d) >> 1)) / ((1 << 30) + d))
        }
        return (0..<count).map { j in j >= zero ? positive[j - zero] : -positive[zero - j] }
    }()

    /// Table index for a Q12 input: rounded to the nearest 1/64, clamped to the table.
    @inline(__always)
    static func index(_ x: Int64) -> Int {
        Int(max(0, min(Int64(count - 1), ((x + 32) >> 6) + Int64(zero))))
    }
}

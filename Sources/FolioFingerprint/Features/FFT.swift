/// An in-place radix-2 complex FFT on `Int64` values with Q30 twiddles from `FixedMath`.
///
/// Unscaled: outputs grow by up to the transform size, which `Int64` holds for 16-bit input
/// (2^15 · 2^8 · 2^30 < 2^63 inside a butterfly).
struct FixedFFT: Sendable {
    let size: Int
    let log2Size: Int
    private let cosTable: [Int64]
    private let sinTable: [Int64]
    private let bitReversed: [Int]

    init(size: Int) {
        precondition(size >= 4 && size.nonzeroBitCount == 1, "FFT size is a power of two")
        self.size = size
        log2Size = size.trailingZeroBitCount
        cosTable = (0..<size / 2).map { FixedMath.cosQ30($0, size) }
        sinTable = (0..<size / 2).map { FixedMath.sinQ30($0, size) }
        let bits = size.trailingZeroBitCount
        bitReversed = (0..<size).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// Transforms `re`/`im` (each `size` long) in place: X[k] = Σ x[n]·e^(−2πikn/N).
    func transform(re: inout [Int64], im: inout [Int64]) {
        for i in 0..<size where bitReversed[i] > i {
            re.swapAt(i, bitReversed[i])
            im.swapAt(i, bitReversed[i])
        }
        var half = 1
        while half < size {
            let stride = size / (2 * half)
            var start = 0
            while start < size {
                for k in 0..<half {
                    let wr = cosTable[k * stride], wi = -sinTable[k * stride]
                    let a = start + k, b = a + half
                    let tr = (re[b] * wr - im[b] * wi) >> 30
                    let ti = (re[b] * wi + im[b] * wr) >> 30
                    re[b] = re[a] - tr
                    im[b] = im[a] - ti
                    re[a] += tr
                    im[a] += ti
                }
                start += 2 * half
            }
            half *= 2
        }
    }
}

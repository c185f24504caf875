/// An in-place radix-2 complex FFT on `Int64` values with Q30 twiddles from `FixedMath`.
///
/// Unscaled: outputs grow by up to the transform size, which `Int64` holds for 16-bit input
/// (2^15 · 2^8 · 2^30 < 2^63 inside a butterfly).
///
/// Every butterfly is the textbook one, `t = (b·w) >> 30` (floor), `b' = a − t`, `a' = a + t`,
/// computed in the same order for every machine. The fast paths below skip only work whose
/// result is known exactly: twiddle k = 0 is exactly (2^30, 0), so its product is `b` itself
/// (the floor of an exact multiple of 2^30), and an input whose imaginary part is zero keeps it
/// zero through the first stage. `init` checks those table values rather than assuming them.
struct FixedFFT: Sendable {
    let size: Int
    let log2Size: Int
    private let cosTable: [Int64]
    private let sinTable: [Int64]
    private let bitReversed: [Int]
    /// Per stage with half-size h ≥ 2, the twiddles k = 1..<h as (cos, −sin) pairs, stage after
    /// stage, so the inner loop reads them in order.
    private let stageTwiddles: [Int64]

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
        // The k = 0 shortcut is exact only because the table holds exactly 1.0 and 0 there.
        precondition(cosTable[0] == 1 << 30 && sinTable[0] == 0, "FFT twiddle 0 is exactly 1")
        var twiddles: [Int64] = []
        var half = 2
        while half < size {
            let stride = size / (2 * half)
            for k in 1..<half { twiddles += [cosTable[k * stride], -sinTable[k * stride]] }
            half *= 2
        }
        stageTwiddles = twiddles
    }

    /// Transforms `re`/`im` (each `size` long) in place: X[k] = Σ x[n]·e^(−2πikn/N).
    func transform(re: inout [Int64], im: inout [Int64]) {
        precondition(re.count == size && im.count == size, "FFT buffers hold size values")
        for i in 0..<size where bitReversed[i] > i {
            re.swapAt(i, bitReversed[i])
            im.swapAt(i, bitReversed[i])
        }
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { m in
                stages(re: r.baseAddress.unsafelyUnwrapped, im: m.baseAddress.unsafelyUnwrapped, from: 1)
            }
        }
    }

    /// The transform of a real signal: `input(n)` is sample n; `re`/`im` (each `size` long)
    /// receive the spectrum. Bit for bit the same as `transform` with a zero imaginary part.
    @inline(__always)
    func transformReal(re: UnsafeMutablePointer<Int64>, im: UnsafeMutablePointer<Int64>,
                       input: (Int) -> Int64) {
        bitReversed.withUnsafeBufferPointer { reversed in
            // Bit reversal and the first stage at once: stage 1 pairs (2j, 2j+1) are inputs
            // (rev(2j), rev(2j+1)); its only twiddle is k = 0, exactly 1, so t = b and the
            // imaginary parts, zero going in, stay zero.
            var j = 0
            while j < size {
                let a = input(reversed[j]), b = input(reversed[j + 1])
                re[j] = a &+ b
                re[j + 1] = a &- b
                im[j] = 0
                im[j + 1] = 0
                j += 2
            }
        }
        stages(re: re, im: im, from: 2)
    }

    /// The butterfly stages with half-size `first`, 2·first, …, size/2.
    ///
    /// `&+`, `&-`, `&*` cannot wrap here: for the inputs this type is built for (real and
    /// imaginary parts within ±2^15, so |x| < 2^15.5), a complex value at most doubles in
    /// magnitude per stage plus one unit of floor rounding, so after 8 stages every part is below
    /// 2^24; twiddles are within ±2^30, so a product is below 2^54 and a sum of two below 2^55.
    @inline(__always)
    private func stages(re: UnsafeMutablePointer<Int64>, im: UnsafeMutablePointer<Int64>, from first: Int) {
        stageTwiddles.withUnsafeBufferPointer { table in
            var half = 1
            var twiddleBase = 0
            while half < size {
                defer {
                    if half >= 2 { twiddleBase += 2 * (half - 1) }
                    half *= 2
                }
                guard half >= first else { continue }
                var start = 0
                while start < size {
                    // k = 0: the twiddle is exactly (1, 0), so t = b.
                    do {
                        let a = start, b = start + half
                        let tr = re[b], ti = im[b]
                        re[b] = re[a] &- tr
                        im[b] = im[a] &- ti
                        re[a] = re[a] &+ tr
                        im[a] = im[a] &+ ti
                    }
                    var k = 1
                    while k < half {
                        let wr = table[twiddleBase + 2 * (k - 1)], wi = table[twiddleBase + 2 * (k - 1) + 1]
                        let a = start + k, b = a + half
                        let br = re[b], bi = im[b]
                        let tr = (br &* wr &- bi &* wi) >> 30
                        let ti = (br &* wi &+ bi &* wr) >> 30
                        re[b] = re[a] &- tr
                        im[b] = im[a] &- ti
                        re[a] = re[a] &+ tr
                        im[a] = im[a] &+ ti
                        k += 1
                    }
                    start += 2 * half
                }
            }
        }
    }
}

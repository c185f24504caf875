import Testing
@testable import FolioFingerprint

@Suite struct FixedMathTests {
    // Reference values are mathematical constants scaled by 2^30, rounded.
    static let sineCases: [(Int, Int, Int64)] = [
        (0, 8, 0),
        (2, 8, 1_073_741_824),      // sin(π/2) = 1
        (1, 8, 759_250_125),        // sin(π/4) = √2/2
        (1, 12, 536_870_912),       // sin(π/6) = 1/2
        (3, 8, 759_250_125),        // sin(3π/4)
        (5, 8, -759_250_125),       // sin(5π/4)
        (-2, 8, -1_073_741_824),    // sin(−π/2)
        (4, 8, 0),                  // sin(π)
    ]

    @Test(arguments: sineCases)
    func sineMatchesKnownValuesWithinTwoQ30Units(k: Int, n: Int, expected: Int64) {
        #expect(abs(FixedMath.sinQ30(k, n) - expected) <= 2)
    }

    static let logCases: [(UInt64, Int)] = [
        (1, 0), (2, 256), (1024, 2560),
        (3, 405),          // log2 3 = 1.58496… → 405.75 truncated
        (10, 850),         // log2 10 = 3.32193… → 850.41
        (1 << 40 | 1, 40 * 256),
        (UInt64.max, 63 * 256 + 255),
    ]

    @Test(arguments: logCases)
    func log2InQ8TruncatesTheExactValue(x: UInt64, expected: Int) {
        #expect(FixedMath.log2Q8(x) == expected)
    }

    @Test func log2NeverDecreases() {
        var last = 0
        for x in UInt64(1)...5000 {
            let v = FixedMath.log2Q8(x)
            #expect(v >= last)
            last = v
        }
    }

    @Test func negativeExponentialTableHitsOneOverE() {
        let table = FixedMath.negativeExpTableQ30(count: 1025)
        #expect(table[0] == 1 << 30)
        #expect(abs(table[64] - 395_007_543) <= 64)       // e^−1
        #expect(abs(table[1024] - 120) <= 4)              // e^−16 · 2^30 = 120.3
    }

    @Test func fftOfAnImpulseIsFlat() {
        let fft = FixedFFT(size: 16)
        var re = [Int64](repeating: 0, count: 16), im = re
        re[0] = 1000
        fft.transform(re: &re, im: &im)
        #expect(re.allSatisfy { $0 == 1000 } && im.allSatisfy { $0 == 0 })
    }

    @Test func fftOfACosinePutsHalfItsAmplitudeTimesNInItsTwoBins() {
        let n = 256
        let fft = FixedFFT(size: n)
        var re = (0..<n).map { FixedMath.cosQ30(5 * $0, n) >> 16 }, im = [Int64](repeating: 0, count: n)
        fft.transform(re: &re, im: &im)
        let expected: Int64 = (1 << 14) * Int64(n) / 2
        for k in 0..<n {
            let magnitude = abs(re[k]) + abs(im[k])
            if k == 5 || k == n - 5 {
                #expect(abs(re[k] - expected) < 300)
            } else {
                #expect(magnitude < 300, "bin \(k)")
            }
        }
    }

    @Test func areaResamplingWeightsSourceCellsByOverlap() {
        // [1,2,3,4] → 2 cells: means 1.5 and 3.5, returned ×4.
        #expect(AreaResampler.areaSums(count: 4, outCount: 2) { Int64([1, 2, 3, 4][$0]) } == [6, 14])
        // [3,6,9] → 2 cells of 1.5: (3 + 6/2)/1.5 = 4 and (6/2 + 9)/1.5 = 8, returned ×3.
        #expect(AreaResampler.areaSums(count: 3, outCount: 2) { Int64([3, 6, 9][$0]) } == [12, 24])
        // Upsampling 2 → 3: cells over [0,⅔), [⅔,1⅓), [1⅓,2) of [10, 40] → 10, 25, 40, ×2.
        #expect(AreaResampler.areaSums(count: 2, outCount: 3) { Int64([10, 40][$0]) } == [20, 50, 80])
    }
}

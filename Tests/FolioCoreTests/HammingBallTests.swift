import Testing
@testable import FolioCore

/// Sizes of Hamming balls, against binomial sums worked out by hand.
@Suite struct HammingBallTests {
    /// 16 bits: 1; 1 + 16 = 17; 17 + 120 = 137; 137 + 560 = 697; all 2^16 at radius 16.
    @Test(arguments: [(0, 1), (1, 17), (2, 137), (3, 697), (16, 65_536), (40, 65_536), (-3, 1)])
    func sixteenBitBalls(radius: Int, size: Int) {
        #expect(HammingBall.size(bits: 16, radius: radius) == size)
    }

    /// 8 bits at radius 2: 1 + 8 + 28 = 37.
    @Test func eightBitsRadiusTwo() {
        #expect(HammingBall.size(bits: 8, radius: 2) == 37)
    }
}

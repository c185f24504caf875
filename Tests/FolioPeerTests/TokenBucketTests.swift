import Testing
@testable import FolioPeer

/// The per-peer rate limiter: exact integer refills, capped at the burst.
@Suite struct TokenBucketTests {
    /// Takes `counts` at the given times in order and returns what each take answered.
    static func takes(_ bucket: inout TokenBucket, _ steps: [(count: Int64, now: Int64)]) -> [Bool] {
        steps.map { bucket.take($0.count, now: $0.now) }
    }

    @Test func aNewBucketIsFullAndRefusesPastItsBurst() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 3, now: 0)
        #expect(Self.takes(&bucket, [(1, 0), (2, 0), (1, 0)]) == [true, true, false])
        // A refused take takes nothing.
        #expect(bucket.available == 0)
    }

    /// 10 a second is one per 100 ms: after 250 ms, two whole tokens and half of a third.
    @Test func tokensFlowInAtTheRateInThousandths() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 5, now: 0)
        // 50 ms after the refused take completes the third token.
        #expect(Self.takes(&bucket, [(5, 0), (2, 250), (1, 250), (1, 300)]) == [true, true, false, true])
    }

    @Test func aLongIdleRefillsOnlyToTheBurst() {
        var bucket = TokenBucket(ratePerSecond: 1_000, burst: 4, now: 0)
        #expect(Self.takes(&bucket, [(4, 0), (4, 3_600_000), (1, 3_600_000)]) == [true, true, false])
    }

    @Test func hugeCountsAndTimesNeitherOverflowNorPass() {
        var bucket = TokenBucket(ratePerSecond: .max, burst: 10, now: 0)
        #expect(Self.takes(&bucket, [(.max, .max), (10, .max), (11, .max)]) == [false, true, false])
    }

    @Test func aBurstTooLargeToHoldInThousandthsIsCappedNotATrap() {
        var bucket = TokenBucket(ratePerSecond: .max, burst: .max, now: 0)
        #expect(bucket.burst == Int64.max / 1_000)
        #expect(Self.takes(&bucket, [(Int64.max / 1_000, 0), (1, 0), (1, 1)]) == [true, false, true])
    }

    @Test func aClockThatStepsBackAddsNothing() {
        var bucket = TokenBucket(ratePerSecond: 100, burst: 2, now: 1_000)
        #expect(Self.takes(&bucket, [(2, 1_000), (1, 500)]) == [true, false])
    }
}

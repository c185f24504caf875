import NIOCore
import Synchronization
import Testing
@testable import FolioNode

/// The per-client pace on `/match` uploads, on a clock the test moves by hand.
@Suite struct MatchRateLimiterTests {
    /// A clock that stands still until the test moves it (nanoseconds).
    final class ManualClock: Sendable {
        private let now = Atomic<UInt64>(1_000_000_000_000)
        func read() -> UInt64 { now.load(ordering: .relaxed) }
        func advance(seconds: Double) { now.add(UInt64(seconds * 1e9), ordering: .relaxed) }
    }

    static let alice = ClientKey.ipv4(192, 0, 2, 1)
    static let bob = ClientKey.ipv4(192, 0, 2, 2)

    func limiter(perMinute: Int = 6, burst: Int = 3, maxClients: Int = 64) -> (MatchRateLimiter, ManualClock) {
        let clock = ManualClock()
        return (MatchRateLimiter(limit: MatchRateLimit(perMinute: perMinute, burst: burst, maxClients: maxClients), clock: clock.read), clock)
    }

    /// Six a minute is one every 10 s; a burst of three goes at once, and the fourth must wait
    /// for one interval: 10 s.
    @Test func theBurstGoesThroughThenTheNextUploadIsToldToWaitOneInterval() {
        let (limiter, _) = limiter()
        #expect((0..<3).map { _ in limiter.admit(Self.alice) } == [.admitted, .admitted, .admitted])
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 10))
    }

    @Test func anotherClientIsUnaffectedByOneThatIsRefused() {
        let (limiter, _) = limiter()
        for _ in 0..<5 { _ = limiter.admit(Self.alice) }
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 10))
        #expect((0..<3).map { _ in limiter.admit(Self.bob) } == [.admitted, .admitted, .admitted])
    }

    /// Refused uploads do not push the wait further; the wait rounds up to whole seconds; one
    /// upload is allowed per interval after the burst.
    @Test func theBucketRefillsAtThePace() {
        let (limiter, clock) = limiter()
        for _ in 0..<3 { _ = limiter.admit(Self.alice) }
        clock.advance(seconds: 4)
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 6))
        clock.advance(seconds: 5.5)
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 1))
        clock.advance(seconds: 0.5)
        #expect(limiter.admit(Self.alice) == .admitted)
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 10))
        clock.advance(seconds: 30)
        #expect((0..<4).map { _ in limiter.admit(Self.alice) } == [.admitted, .admitted, .admitted, .refused(retryAfterSeconds: 10)])
    }

    /// Ten thousand distinct addresses at one instant never hold more than the table's size,
    /// and the newest is remembered (its burst is counted, not restarted).
    @Test func aFloodOfDistinctAddressesKeepsTheTableBounded() {
        let (limiter, _) = limiter(maxClients: 64)
        var largest = 0
        var last = Self.alice
        for n in 0..<10_000 {
            last = .ipv4(10, UInt8(n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n))
            #expect(limiter.admit(last) == .admitted)
            largest = max(largest, limiter.clientCount)
        }
        #expect(largest == 64)
        #expect(limiter.admit(last) == .admitted)
        #expect(limiter.admit(last) == .admitted)
        #expect(limiter.admit(last) == .refused(retryAfterSeconds: 10))
    }

    /// B, C and D have their full bucket back when E arrives; A (one upload 5 s later, burst
    /// 1) does not: the idle three are forgotten and A is still held.
    @Test func clientsWithAFullBucketAreForgottenBeforeOnesStillHeld() {
        let (limiter, clock) = limiter(burst: 1, maxClients: 4)
        for key in [ClientKey.ipv4(10, 0, 0, 2), .ipv4(10, 0, 0, 3), .ipv4(10, 0, 0, 4)] { _ = limiter.admit(key) }
        clock.advance(seconds: 5)
        _ = limiter.admit(Self.alice)
        clock.advance(seconds: 7)
        #expect(limiter.admit(.ipv4(10, 0, 0, 5)) == .admitted)
        #expect(limiter.clientCount == 2)
        #expect(limiter.admit(Self.alice) == .refused(retryAfterSeconds: 3))
    }

    /// With every bucket still draining, the least recently seen client is the one forgotten.
    @Test func withNoIdleClientTheLeastRecentlySeenIsForgotten() {
        let (limiter, clock) = limiter(burst: 1, maxClients: 8)
        let keys = (0..<9).map { ClientKey.ipv4(10, 0, 0, UInt8($0)) }
        for key in keys {
            #expect(limiter.admit(key) == .admitted)
            clock.advance(seconds: 0.001)
        }
        #expect(limiter.clientCount == 8)
        #expect(limiter.admit(keys[0]) == .admitted)
        #expect(limiter.admit(keys[2]) == .refused(retryAfterSeconds: 10))
    }

    @Test func anIPv4ClientIsTheSameKeyPlainOrMappedAndIPv6CountsByTheSlash64() throws {
        let plain = ClientKey(try SocketAddress(ipAddress: "192.0.2.7", port: 1000))
        #expect(plain == .ipv4(192, 0, 2, 7))
        #expect(ClientKey(try SocketAddress(ipAddress: "::ffff:192.0.2.7", port: 2000)) == plain)
        #expect(plain != .ipv4(192, 0, 2, 8))
        let one = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:2::1", port: 1))
        let sameNetwork = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:2:ffff:ffff:ffff:ffff", port: 1))
        let otherNetwork = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:3::1", port: 1))
        #expect(one == sameNetwork)
        #expect(one != otherNetwork)
        #expect(one == .ipv6([0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2, 9, 9, 9, 9, 9, 9, 9, 9]))
        #expect(ClientKey(nil) == .unknown)
    }
}

@testable import FolioChain
import FolioCore
import FolioLicence
import Testing

/// The stored form of a licence's counters and variables.
@Suite struct LicenceTermsStateCodecTests {
    @Test func theInitialStateIsStoredAsNothing() {
        #expect(LicenceTermsStateCodec.encode(LicenceTermsState(status: .active)).isEmpty)
        // A counter back at zero reads the same as one never written, so it is left out.
        var zeroed = LicenceTermsState(status: .active)
        zeroed.counters[CounterKey(name: "streams", key: .int(3))] = 0
        #expect(LicenceTermsStateCodec.encode(zeroed).isEmpty)
    }

    @Test func countersVariablesAndRevenueRoundTripInOneCanonicalOrder() throws {
        var state = LicenceTermsState(status: .active)
        state.reportedRevenue = Amount(baseUnits: 258)
        state.counters[CounterKey(name: "streams", key: .int(24_281))] = 800_000
        state.counters[CounterKey(name: "streams", key: .int(24_280))] = 5
        state.counters[CounterKey(name: "total")] = -2
        state.variables["last_month"] = .int(24_281)
        let bytes = LicenceTermsStateCodec.encode(state)
        // Version 1, then revenue 258 as little-endian u64 (02 01 00 … 00), then 3 counters.
        #expect(Array(bytes.prefix(10)) == [1, 2, 1, 0, 0, 0, 0, 0, 0, 3])
        let back = try LicenceTermsStateCodec.decode(bytes, into: LicenceTermsState(status: .active))
        #expect(back == state)
        // Insertion order does not change the bytes.
        var reordered = LicenceTermsState(status: .active)
        reordered.variables["last_month"] = .int(24_281)
        reordered.counters[CounterKey(name: "total")] = -2
        reordered.counters[CounterKey(name: "streams", key: .int(24_280))] = 5
        reordered.counters[CounterKey(name: "streams", key: .int(24_281))] = 800_000
        reordered.reportedRevenue = Amount(baseUnits: 258)
        #expect(LicenceTermsStateCodec.encode(reordered) == bytes)
    }

    @Test func storedBytesThatDoNotDecodeAreRefusedNotGuessed() {
        for bad: [UInt8] in [[2], [1, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]] {
            #expect(throws: LicenceRefusal.self) { _ = try LicenceTermsStateCodec.decode(bad, into: LicenceTermsState(status: .active)) }
        }
    }
}

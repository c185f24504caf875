import FolioCore
import FolioTestSupport
import Testing
@testable import FolioConsensus

/// Genesis at T0 and ten children ten seconds apart: the median of the eleven times at height
/// 10 is the sixth smallest, T0 + 50.
@Suite struct TimestampRuleTests {
    static let t0: Int64 = 1_700_000_000

    private func chain(lastTime: Int64? = nil) throws -> HeaderChainBuilder {
        let params = try HeaderChainBuilder.params(
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 10, halfLifeSeconds: 3600, initialBits: 0x207f_ffff)),
            genesisTimestamp: Self.t0)
        var builder = HeaderChainBuilder(params: params, spacing: 10)
        builder.extend(10) { index, header, _ in
            if index == 9, let lastTime { header.timestamp = lastTime }
        }
        return builder
    }

    private func check(_ builder: HeaderChainBuilder, time: Int64, now: Int64 = t0 + 1000) throws(ValidationError) {
        var header = builder.draft(after: builder.view.tip)
        header.timestamp = time
        try TimestampRule.check(header, parent: builder.view.tip, chain: builder.view, now: now)
    }

    @Test func timeEqualToMedianOfElevenIsTooOld() throws {
        let builder = try chain()
        #expect(throws: ValidationError(reason: "time-too-old", owner: .peer)) { try self.check(builder, time: Self.t0 + 50) }
    }

    @Test func oneSecondAboveMedianIsAccepted() throws {
        try check(try chain(), time: Self.t0 + 51)
    }

    @Test func medianIgnoresAnOutlyingParentTime() throws {
        // The parent claims T0 + 1000, but the median is still T0 + 50: T0 + 51 passes even
        // though it is before the parent.
        try check(try chain(lastTime: Self.t0 + 1000), time: Self.t0 + 51)
    }

    @Test func nearGenesisTheMedianIsOverFewerBlocks() throws {
        let params = try HeaderChainBuilder.params(
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 10, halfLifeSeconds: 3600, initialBits: 0x207f_ffff)),
            genesisTimestamp: Self.t0)
        let builder = HeaderChainBuilder(params: params)
        #expect(throws: ValidationError.self) { try self.check(builder, time: Self.t0) }
        try check(builder, time: Self.t0 + 1)
    }

    @Test func fifteenSecondsAheadOfTheClockIsAccepted() throws {
        let now = Self.t0 + 500
        try check(try chain(), time: now + 15, now: now)
    }

    @Test func sixteenSecondsAheadIsTooNewAndNotThePeersFault() throws {
        let now = Self.t0 + 500
        let builder = try chain()
        #expect(throws: ValidationError(reason: "time-too-new", owner: .localPolicy)) {
            try self.check(builder, time: now + 16, now: now)
        }
    }

    @Test func medianOfEvenCountIsTheUpperMiddle() {
        #expect(TimestampRule.median([4, 1, 3, 2]) == 3)
        #expect(TimestampRule.median([]) == 0)
    }
}

import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoW

@Suite struct WorkTests {
    @Test func bitcoinGenesisTargetIsWorth0x100010001Hashes() throws {
        // 2^256 / (0xffff · 2^208 + 1) = 4295032833, Bitcoin's well-known genesis chain work.
        let target = try #require(CompactTarget.target(from: 0x1d00_ffff))
        #expect(ProofOfWorkMath.work(forTarget: target) == ChainWork(4_295_032_833))
    }

    @Test func halfTheHashSpaceIsWorthTwo() {
        #expect(ProofOfWorkMath.work(forTarget: (UInt256(1) << 255).subtractingReportingOverflow(UInt256(1)).partialValue) == ChainWork(2))
    }

    @Test func theWholeHashSpaceIsWorthOne() {
        #expect(ProofOfWorkMath.work(forTarget: .max) == ChainWork(1))
    }

    @Test func aHarderTargetIsWorthMore() throws {
        let easy = try #require(CompactTarget.target(from: 0x1d00_ffff))
        let hard = try #require(CompactTarget.target(from: 0x1c7f_ff80))
        #expect(ProofOfWorkMath.work(forTarget: hard) > ProofOfWorkMath.work(forTarget: easy))
    }
}

import FolioCore
import Testing
@testable import FolioConsensus

@Suite struct ChainWorkTests {
    @Test func branchScoresAddAndTheLargerTotalWins() {
        let inTurnTwice = ChainWork(2) + ChainWork(2)
        let outOfTurnThrice = ChainWork(1) + ChainWork(1) + ChainWork(1)
        #expect(inTurnTwice > outOfTurnThrice)
    }

    @Test func sumsSaturateInsteadOfWrapping() {
        #expect(ChainWork(UInt256.max) + ChainWork(1) == ChainWork(UInt256.max))
    }

    @Test func hashReadsAsLittleEndianNumber() throws {
        // Byte 0 is the least significant, byte 31 the most.
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = 0x01
        bytes[31] = 0x80
        let number = UInt256(littleEndianHash: try #require(Hash256(bytes: bytes)))
        #expect(number == (UInt256(1) << 255).addingReportingOverflow(UInt256(1)).partialValue)
    }
}

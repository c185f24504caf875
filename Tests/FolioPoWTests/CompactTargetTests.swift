import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoW

@Suite struct CompactTargetTests {
    @Test func bitcoinGenesisBitsDecodeToFfffShiftedBy208() throws {
        // 0x1d00ffff: exponent 29, mantissa 0x00ffff → 0xffff · 256^26.
        #expect(CompactTarget.target(from: 0x1d00_ffff) == UInt256(0xffff) << 208)
    }

    @Test(arguments: [(UInt32(0x0101_0000), UInt64(1)), (0x0212_3456, 0x1234), (0x0300_0080, 0x80), (0x0412_3456, 0x1234_5600)])
    func smallExponentsShiftTheMantissa(bits: UInt32, value: UInt64) {
        #expect(CompactTarget.target(from: bits) == UInt256(value))
    }

    @Test(arguments: [UInt32(0x0492_3456), 0x0180_0001])
    func signBitIsRejectedAsNegative(bits: UInt32) {
        #expect(CompactTarget.target(from: bits) == nil)
    }

    @Test(arguments: [UInt32(0xff12_3456), 0x2112_3456, 0x2301_0000])
    func targetsPast256BitsAreRejectedAsOverflow(bits: UInt32) {
        #expect(CompactTarget.target(from: bits) == nil)
    }

    @Test(arguments: [UInt32(0x0400_0000), 0x0100_ff00, 0])
    func zeroTargetsAreRejected(bits: UInt32) {
        #expect(CompactTarget.target(from: bits) == nil)
    }

    @Test(arguments: [(UInt64(0x80), UInt32(0x0200_8000)), (0x1234_5600, 0x0412_3456), (1, 0x0101_0000), (0x7f_ffff, 0x037f_ffff)])
    func encodingMovesAHighMantissaBitUpOneByte(value: UInt64, bits: UInt32) {
        #expect(CompactTarget.bits(for: UInt256(value)) == bits)
    }

    @Test func encodingRoundsDownToTheMantissa() {
        // 0x123456789 keeps its top three bytes 0x012345 at exponent 5.
        #expect(CompactTarget.bits(for: UInt256(0x1_2345_6789)) == 0x0501_2345)
    }
}

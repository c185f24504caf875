import Testing
@testable import FolioConsensus

@Suite struct UInt256Tests {
    private func value(_ hex: String) -> UInt256 {
        var bytes: [UInt8] = []
        let padded = String(repeating: "0", count: 64 - hex.count) + hex
        var index = padded.startIndex
        while index < padded.endIndex {
            let next = padded.index(index, offsetBy: 2)
            bytes.append(UInt8(padded[index..<next], radix: 16) ?? 0)
            index = next
        }
        return UInt256(bigEndian: bytes) ?? .zero
    }

    @Test func additionCarriesAcrossLimbs() {
        let sum = value("ffffffffffffffff").addingReportingOverflow(UInt256(1))
        #expect(sum.partialValue == value("10000000000000000") && !sum.overflow)
    }

    @Test func additionPastTwoTo256ReportsOverflowAndSaturatingAddClamps() {
        #expect(UInt256.max.addingReportingOverflow(UInt256(1)).overflow)
        #expect(UInt256.max.saturatingAdd(UInt256(5)) == .max)
    }

    @Test func subtractionBorrowsAcrossLimbs() {
        let diff = value("100000000000000000000000000000000").subtractingReportingOverflow(UInt256(1))
        #expect(diff.partialValue == value("ffffffffffffffffffffffffffffffff") && !diff.overflow)
        #expect(UInt256(1).subtractingReportingOverflow(UInt256(2)).overflow)
    }

    @Test func multiplyByWordCarriesHighHalf() {
        // (2^64 − 1) × (2^64 − 1) = 2^128 − 2^65 + 1 = fffffffffffffffe 0000000000000001
        let product = value("ffffffffffffffff").multipliedReportingOverflow(by: .max)
        #expect(product.partialValue == value("fffffffffffffffe0000000000000001") && !product.overflow)
        #expect((UInt256(1) << 255).multipliedReportingOverflow(by: 2).overflow)
    }

    @Test(arguments: [(0, "1"), (1, "2"), (63, "8000000000000000"), (64, "10000000000000000"),
                      (200, "100000000000000000000000000000000000000000000000000")])
    func shiftLeftPlacesTheBit(count: Int, hex: String) {
        #expect(UInt256(1) << count == value(hex))
        #expect(value(hex) >> count == UInt256(1))
    }

    @Test func shiftsOfAtLeast256GiveZero() {
        #expect(UInt256.max << 256 == .zero)
        #expect(UInt256.max >> 300 == .zero)
    }

    @Test func divisionOfTwoTo255ByThreeMatchesHandValue() throws {
        // 2^255 = 3 × 0x2aaa…aaa + 2 (the quotient is 0x2a followed by 31 bytes of 0xaa).
        let result = try #require((UInt256(1) << 255).quotientAndRemainder(dividingBy: UInt256(3)))
        #expect(result.quotient == value("2a" + String(repeating: "aa", count: 31)))
        #expect(result.remainder == UInt256(2))
    }

    @Test func divisionByZeroIsRefused() {
        #expect(UInt256(7).quotientAndRemainder(dividingBy: .zero) == nil)
    }

    @Test func orderComparesHighLimbsFirst() {
        #expect(value("10000000000000000") > value("ffffffffffffffff"))
        #expect(UInt256(3).bitWidth == 2 && UInt256.zero.bitWidth == 0 && UInt256.max.bitWidth == 256)
    }

    @Test func bigEndianBytesRoundTrip() {
        let bytes: [UInt8] = (0..<32).map { UInt8($0) }
        #expect(UInt256(bigEndian: bytes)?.bigEndianBytes == bytes)
        #expect(UInt256(bigEndian: [1, 2]) == nil)
    }
}

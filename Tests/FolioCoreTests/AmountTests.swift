import PropertyBased
import Testing
@testable import FolioCore

/// Amounts never wrap: every operation that would leave 0...UInt64.max throws.
@Suite struct AmountTests {
    @Test("adding past UInt64.max throws overflow", arguments: [
        (UInt64.max, UInt64(1)), (UInt64(1), UInt64.max), (UInt64.max, UInt64.max), (UInt64(1) << 63, UInt64(1) << 63),
    ])
    func addOverflowThrows(lhs: UInt64, rhs: UInt64) {
        #expect(throws: AmountError.overflow) {
            _ = try Amount(baseUnits: lhs).adding(Amount(baseUnits: rhs))
        }
    }

    @Test("adding up to exactly UInt64.max succeeds")
    func addToMaximumSucceeds() throws {
        #expect(try Amount(baseUnits: UInt64.max - 1).adding(Amount(baseUnits: 1)) == Amount(baseUnits: .max))
        #expect(try Amount(baseUnits: 2).adding(.zero) == Amount(baseUnits: 2))
    }

    @Test("multiplying past UInt64.max throws overflow", arguments: [
        (UInt64.max, UInt64(2)), (UInt64(1) << 32, UInt64(1) << 32), (UInt64.max / 2 + 1, UInt64(2)),
    ])
    func multiplyOverflowThrows(value: UInt64, factor: UInt64) {
        #expect(throws: AmountError.overflow) {
            _ = try Amount(baseUnits: value).multiplied(by: factor)
        }
    }

    @Test("multiplying within range gives the exact product")
    func multiplyWithinRangeSucceeds() throws {
        #expect(try Amount(baseUnits: UInt64.max / 2).multiplied(by: 2) == Amount(baseUnits: UInt64.max - 1))
        #expect(try Amount(baseUnits: UInt64.max).multiplied(by: 0) == .zero)
        #expect(try Amount(baseUnits: 7).multiplied(by: 6) == Amount(baseUnits: 42))
    }

    @Test("subtracting more than the amount throws insufficient, naming both sides")
    func subtractBelowZeroThrows() {
        #expect(throws: AmountError.insufficient(have: Amount(baseUnits: 5), need: Amount(baseUnits: 6))) {
            _ = try Amount(baseUnits: 5).subtracting(Amount(baseUnits: 6))
        }
        #expect(throws: AmountError.insufficient(have: .zero, need: Amount(baseUnits: .max))) {
            _ = try Amount.zero.subtracting(Amount(baseUnits: .max))
        }
    }

    @Test("subtracting down to exactly zero succeeds")
    func subtractToZeroSucceeds() throws {
        #expect(try Amount(baseUnits: 5).subtracting(Amount(baseUnits: 5)) == .zero)
        #expect(try Amount(baseUnits: 5).subtracting(Amount(baseUnits: 2)) == Amount(baseUnits: 3))
    }

    @Test("an amount is eight bytes, little-endian", arguments: [
        (UInt64(0), "0000000000000000"),
        (UInt64(1), "0100000000000000"),
        (UInt64(0x0102_0304_0506_0708), "0807060504030201"),
        (UInt64.max, "ffffffffffffffff"),
    ])
    func canonicalBytesAreLittleEndian(value: UInt64, hex: String) {
        expectCanonical(Amount(baseUnits: value), hex: hex)
    }

    @Test("an amount cut short throws truncated")
    func truncatedAmountThrows() {
        expectTruncationAlwaysThrows(hexBytes("0807060504030201"), decode: Amount.self)
    }

    @Test("add then subtract gives back the amount whenever the sum fits")
    func addThenSubtractRoundTrips() async {
        await propertyCheck(input: Gen.uint64(), Gen.uint64()) { a, b in
            let left = Amount(baseUnits: a), right = Amount(baseUnits: b)
            guard a <= UInt64.max - b else {
                #expect(throws: AmountError.overflow) { _ = try left.adding(right) }
                return
            }
            let back = try left.adding(right).subtracting(right)
            #expect(back == left)
        }
    }
}

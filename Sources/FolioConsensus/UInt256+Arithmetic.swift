extension UInt256 {
    /// `self + other` and whether it wrapped past 2^256.
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        var result = UInt256.zero
        var carry: UInt64 = 0
        for limb in 0..<4 {
            let (sum1, o1) = self[limb].addingReportingOverflow(other[limb])
            let (sum2, o2) = sum1.addingReportingOverflow(carry)
            result[limb] = sum2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return (result, carry != 0)
    }

    /// `self − other` and whether it borrowed below zero.
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        var result = UInt256.zero
        var borrow: UInt64 = 0
        for limb in 0..<4 {
            let (diff1, o1) = self[limb].subtractingReportingOverflow(other[limb])
            let (diff2, o2) = diff1.subtractingReportingOverflow(borrow)
            result[limb] = diff2
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return (result, borrow != 0)
    }

    /// `self + other`, or `UInt256.max` if the sum does not fit.
    public func saturatingAdd(_ other: UInt256) -> UInt256 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self × factor` and whether the product needed more than 256 bits.
    public func multipliedReportingOverflow(by factor: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        let (high, low) = multipliedFullWidth(by: factor)
        return (low, high != 0)
    }

    /// `self × factor` in full: the bits above 2^256 as `high`, the rest as `low`.
    public func multipliedFullWidth(by factor: UInt64) -> (high: UInt64, low: UInt256) {
        var result = UInt256.zero
        var carry: UInt64 = 0
        for limb in 0..<4 {
            let (high, low) = self[limb].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            result[limb] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        return (carry, result)
    }

    /// `self` shifted left by `count` bits; bits past 2^256 are dropped.
    public static func << (value: UInt256, count: Int) -> UInt256 {
        guard count > 0 else { return count == 0 ? value : value >> -count }
        guard count < 256 else { return .zero }
        var result = UInt256.zero
        let whole = count / 64, part = count % 64
        for limb in (whole..<4).reversed() {
            var word = value[limb - whole] << UInt64(part)
            if part > 0, limb - whole - 1 >= 0 { word |= value[limb - whole - 1] >> UInt64(64 - part) }
            result[limb] = word
        }
        return result
    }

    /// `self` shifted right by `count` bits.
    public static func >> (value: UInt256, count: Int) -> UInt256 {
        guard count > 0 else { return count == 0 ? value : value << -count }
        guard count < 256 else { return .zero }
        var result = UInt256.zero
        let whole = count / 64, part = count % 64
        for limb in 0..<(4 - whole) {
            var word = value[limb + whole] >> UInt64(part)
            if part > 0, limb + whole + 1 < 4 { word |= value[limb + whole + 1] << UInt64(64 - part) }
            result[limb] = word
        }
        return result
    }

    /// Quotient and remainder of `self ÷ divisor`; `nil` when `divisor` is zero.
    ///
    /// Schoolbook binary long division: at most 256 shift-and-subtract steps, which is ample
    /// for work and difficulty computations done once per header.
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256)? {
        guard !divisor.isZero else { return nil }
        if self < divisor { return (.zero, self) }
        var quotient = UInt256.zero
        var remainder = UInt256.zero
        for bit in (0..<bitWidth).reversed() {
            remainder = remainder << 1
            if (self[bit / 64] >> UInt64(bit % 64)) & 1 == 1 { remainder[0] |= 1 }
            if remainder >= divisor {
                remainder = remainder.subtractingReportingOverflow(divisor).partialValue
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        return (quotient, remainder)
    }
}

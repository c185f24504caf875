/// Checked integer arithmetic for the VM: 128-bit intermediates, explicit rounding, and a typed
/// failure instead of a trap on overflow or division by zero.
enum Arithmetic {
    enum Failure: Error { case overflow, divisionByZero }

    static let scale: Int64 = 100_000_000

    /// (a × b) ÷ d rounded as asked, computed exactly in 128 bits.
    static func mulDiv(_ a: Int64, _ b: Int64, _ d: Int64, _ rounding: Rounding) throws(Failure) -> Int64 {
        guard d != 0 else { throw .divisionByZero }
        let negative = (a < 0) != (b < 0) && a != 0 && b != 0
        let resultNegative = negative != (d < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = d.magnitude
        guard product.high < divisor else { throw .overflow }
        // A product that fits in 64 bits (nearly every one) divides without a 128-bit division.
        let (quotient, remainder) = product.high == 0
            ? product.low.quotientAndRemainder(dividingBy: divisor)
            : divisor.dividingFullWidth((product.high, product.low))
        var magnitude = quotient
        if remainder != 0 {
            let roundAway: Bool
            switch rounding {
            case .floor: roundAway = resultNegative
            case .ceil: roundAway = !resultNegative
            case .halfEven:
                let rest = divisor - remainder
                roundAway = remainder > rest || (remainder == rest && quotient & 1 == 1)
            }
            if roundAway {
                guard magnitude < .max else { throw .overflow }
                magnitude += 1
            }
        }
        if resultNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .overflow }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .overflow }
        return Int64(magnitude)
    }

    static func add(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func subtract(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.subtractingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func multiply(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        guard !o else { throw .overflow }
        return r
    }
}

extension Arithmetic {
    /// a ÷ b rounded as asked, or nil where `mulDiv(a, 1, b, rounding)` fails (b = 0, or
    /// Int64.min ÷ −1). The same result as `mulDiv` without its 128-bit product, for `div`.
    @inline(__always)
    static func quotient(_ a: Int64, _ b: Int64, _ rounding: Rounding) -> Int64? {
        guard b != 0, !(a == .min && b == -1) else { return nil }
        let (truncated, remainder) = a.quotientAndRemainder(dividingBy: b)
        guard remainder != 0 else { return truncated }
        // Inexact: the true quotient lies strictly between `truncated` and one further from
        // zero; |b| ≥ 2 here, so neither step can overflow.
        let negative = (remainder < 0) != (b < 0)
        let awayFromZero: Bool
        switch rounding {
        case .floor: awayFromZero = negative
        case .ceil: awayFromZero = !negative
        case .halfEven:
            let twice = remainder.magnitude * 2, divisor = b.magnitude
            awayFromZero = twice > divisor || (twice == divisor && truncated & 1 != 0)
        }
        guard awayFromZero else { return truncated }
        return negative ? truncated - 1 : truncated + 1
    }
}
